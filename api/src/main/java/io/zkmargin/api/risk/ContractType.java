package io.zkmargin.api.risk;

/** What a market-table instrument is, for pricing. */
public enum ContractType {
    /** Future, perpetual or spot: value linear in the underlying. */
    FUTURE,
    CALL,
    PUT
}
