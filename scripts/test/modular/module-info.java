/** A user's modular program: lagrs and its native jar on the module path, as named modules. */
module lagrs.dropin {
    requires io.lagrs;
}
