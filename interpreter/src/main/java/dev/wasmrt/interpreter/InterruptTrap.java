package dev.wasmrt.interpreter;

/**
 * The trap raised when a running guest is stopped from outside: {@link Store#interrupt()}, an
 * expired deadline, or exhausted fuel. It is a trap (the instance stays usable, earlier writes
 * stay), but a distinct type so embedders can tell it from the guest's own faults.
 */
public final class InterruptTrap extends Trap {
    public InterruptTrap(String reason) { super(reason); }
}
