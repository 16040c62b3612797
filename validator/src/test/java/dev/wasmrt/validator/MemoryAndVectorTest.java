package dev.wasmrt.validator;

import org.junit.jupiter.api.Test;

import static dev.wasmrt.validator.TestModules.invalid;
import static dev.wasmrt.validator.TestModules.valid;

class MemoryAndVectorTest {
    @Test
    void memoryInstructionsNeedAMemory() {
        valid("(module (memory 1) (func (drop (i32.load (i32.const 0)))))");
        invalid("unknown memory 0", "(module (func (drop (i32.load (i32.const 0)))))");
        invalid("unknown memory 1", "(module (memory 1) (func (drop (i32.load 1 (i32.const 0)))))");
        invalid("unknown memory", "(module (func (drop (memory.size))))");
    }

    @Test
    void alignmentMayNotExceedTheAccessWidth() {
        valid("(module (memory 1) (func (drop (i64.load align=8 (i32.const 0)))))");
        invalid("alignment must not be larger than natural", "(module (memory 1) (func (drop (i32.load align=8 (i32.const 0)))))");
        invalid("alignment must not be larger than natural", "(module (memory 1) (func (drop (i32.load8_u align=2 (i32.const 0)))))");
        valid("(module (memory 1) (func (drop (v128.load align=16 (i32.const 0)))))");
        invalid("alignment must not be larger than natural", "(module (memory 1) (func (drop (v128.load64_splat align=16 (i32.const 0)))))");
    }

    @Test
    void atomicAccessesMustBeNaturallyAligned() {
        valid("(module (memory 1 1 shared) (func (drop (i32.atomic.load (i32.const 0)))))");
        invalid("atomic alignment must be natural",
                "(module (memory 1 1 shared) (func (drop (i32.atomic.load align=2 (i32.const 0)))))");
    }

    @Test
    void sixtyFourBitMemoriesTakeI64Addresses() {
        valid("(module (memory i64 1) (func (drop (i32.load (i64.const 0))) (drop (memory.grow (i64.const 1)))))");
        invalid("type mismatch", "(module (memory i64 1) (func (drop (i32.load (i32.const 0)))))");
        invalid("type mismatch", "(module (memory 1) (func (drop (memory.grow (i64.const 1)))))");
    }

    @Test
    void copyBetweenMemoriesUsesTheNarrowerLengthType() {
        valid("(module (memory $a i64 1) (memory $b 1)"
                + " (func (memory.copy $a $b (i64.const 0) (i32.const 0) (i32.const 1))))");
        invalid("type mismatch", "(module (memory $a i64 1) (memory $b 1)"
                + " (func (memory.copy $a $b (i64.const 0) (i32.const 0) (i64.const 1))))");
    }

    @Test
    void dataSegmentsMustExist() {
        valid("(module (memory 1) (data \"x\") (func (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 1)) (data.drop 0)))");
        invalid("unknown data segment 0", "(module (memory 1) (func (data.drop 0)))");
    }

    @Test
    void laneIndicesAreBoundedByTheShape() {
        valid("(module (func (result i32) (i8x16.extract_lane_s 15 (v128.const i64x2 0 0))))");
        invalid("invalid lane index", "(module (func (result i32) (i8x16.extract_lane_s 16 (v128.const i64x2 0 0))))");
        invalid("invalid lane index", "(module (func (result i64) (i64x2.extract_lane 2 (v128.const i64x2 0 0))))");
        valid("(module (memory 1) (func (result v128) (v128.load32_lane 3 (i32.const 0) (v128.const i64x2 0 0))))");
        invalid("invalid lane index", "(module (memory 1) (func (result v128) (v128.load32_lane 4 (i32.const 0) (v128.const i64x2 0 0))))");
    }

    @Test
    void shuffleLanesAddressBothOperands() {
        valid("(module (func (result v128) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31"
                + " (v128.const i64x2 0 0) (v128.const i64x2 0 0))))");
        invalid("invalid lane index", "(module (func (result v128) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 32"
                + " (v128.const i64x2 0 0) (v128.const i64x2 0 0))))");
    }

    @Test
    void vectorOperandShapesAreChecked() {
        valid("(module (func (result v128) (i32x4.shl (v128.const i64x2 0 0) (i32.const 1))))");
        invalid("type mismatch", "(module (func (result v128) (i32x4.shl (v128.const i64x2 0 0) (i64.const 1))))");
        valid("(module (func (result v128) (f32x4.relaxed_madd (v128.const i64x2 0 0) (v128.const i64x2 0 0) (v128.const i64x2 0 0))))");
        valid("(module (func (result i64) (i64x2.extract_lane 1 (i64x2.splat (i64.const 1)))))");
        invalid("type mismatch", "(module (func (result v128) (i64x2.splat (i32.const 1))))");
    }

    @Test
    void wideArithmeticTakesAndReturnsPairs() {
        valid("(module (func (result i64 i64) (i64.add128 (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4))))");
        invalid("type mismatch", "(module (func (result i64) (i64.mul_wide_s (i64.const 1) (i64.const 2))))");
    }

    @Test
    void tableInstructionsUseTheTablesTypes() {
        valid("(module (table 1 externref) (func (param externref) (table.set (i32.const 0) (local.get 0))))");
        invalid("type mismatch", "(module (table 1 externref) (func (param funcref) (table.set (i32.const 0) (local.get 0))))");
        valid("(module (table i64 1 funcref) (func (result funcref) (table.get (i64.const 0))))");
        invalid("unknown table", "(module (func (result i32) (table.size 0)))");
        invalid("unknown elem segment 0", "(module (table 1 funcref) (func (elem.drop 0)))");
    }
}
