package dev.wasmrt.validator;

import dev.wasmrt.decoder.model.CompositeType;
import dev.wasmrt.decoder.model.Module;
import dev.wasmrt.decoder.model.RecGroup;
import dev.wasmrt.decoder.model.SubType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.wasmrt.validator.TestModules.invalid;
import static dev.wasmrt.validator.TestModules.valid;

class TypeSectionTest {
    @Test
    void supertypesMustBeOpen() {
        valid("(module (type $p (sub (struct))) (type (sub $p (struct))))");
        invalid("sub type 1 does not match super type 0", "(module (type $p (struct)) (type (sub $p (struct))))");
    }

    @Test
    void subtypesMustMatchStructurally() {
        valid("(module (type $p (sub (func (param i32) (result anyref)))) (type (sub $p (func (param i32) (result eqref)))))");
        invalid("sub type 1 does not match super type 0",
                "(module (type $p (sub (func (result eqref)))) (type (sub $p (func (result anyref)))))");
        invalid("sub type 1 does not match super type 0",
                "(module (type $p (sub (struct (field (mut anyref))))) (type (sub $p (struct (field (mut eqref))))))");
        invalid("sub type 1 does not match super type 0", "(module (type $p (sub (struct))) (type (sub $p (array i32))))");
    }

    @Test
    void supertypesMustComeEarlier() {
        Module.Builder m = Module.builder();
        m.types.add(new SubType(false, List.of(1), new CompositeType.Struct(List.of())));
        m.types.add(new SubType(false, List.of(), new CompositeType.Struct(List.of())));
        m.recGroups.add(new RecGroup(0, 2));
        invalid("unknown type", m.build());
    }

    @Test
    void referencesMayPointForwardOnlyWithinTheirGroup() {
        valid("(module (rec (type $a (struct (field (ref null $b)))) (type $b (struct (field (ref null $a))))))");
        invalid("unknown type", "(module (type $a (struct (field (ref null $b)))) (type $b (struct)))");
    }

    @Test
    void recursiveGroupsAreComparedAsWholes() {
        valid("(module (rec (type $a (struct (field (ref null $a))))) (rec (type $b (struct (field (ref null $b)))))"
                + " (func (param (ref $a)) (result (ref $b)) (local.get 0)))");
        invalid("type mismatch", "(module (rec (type $a (struct)) (type (struct))) (rec (type $b (struct)))"
                + " (func (param (ref $a)) (result (ref $b)) (local.get 0)))");
    }

    @Test
    void recGroupsMustCoverTheTypeSection() {
        Module.Builder m = Module.builder();
        m.types.add(SubType.plain(new CompositeType.Func(List.of(), List.of())));
        invalid("unknown type", m.build());
    }
}
