package io.slipway.audit;

/** The first thing found wrong in a chain: where, and what. */
record ChainBreak(long seq, String problem) {

    static ChainBreak changed(long seq) {
        return new ChainBreak(seq, "its content no longer matches its hash (the row was changed)");
    }
}
