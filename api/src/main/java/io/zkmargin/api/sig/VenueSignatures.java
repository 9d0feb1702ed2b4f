package io.zkmargin.api.sig;

import io.zkmargin.api.market.AccountCommitment;
import io.zkmargin.api.market.AccountRegistration;
import io.zkmargin.api.market.MarketEpoch;
import io.zkmargin.api.market.MarketTree;
import io.zkmargin.api.model.MarketTable;

/** Signing and checking epochs and account registrations over their {@link CanonicalEncoding}. */
public final class VenueSignatures {
    private VenueSignatures() {}

    /** Builds the market tree, signs the epoch and returns it. */
    public static MarketEpoch signEpoch(VenueSigningKey key, long epochId, long timestampMillis, MarketTable table) {
        if (epochId < 0 || timestampMillis < 0) {
            throw new IllegalArgumentException("epoch id and timestamp must be >= 0");
        }
        MarketTree tree = MarketTree.of(table);
        byte[] sig = key.sign(CanonicalEncoding.epoch(epochId, timestampMillis, tree.root(), table));
        return MarketEpoch.of(epochId, timestampMillis, tree, sig);
    }

    public static boolean verifyEpoch(VenuePublicKey venue, MarketEpoch epoch) {
        return venue.verify(CanonicalEncoding.epoch(epoch.epochId(), epoch.timestampMillis(), epoch.marketRoot(),
                epoch.table()), epoch.signature());
    }

    public static AccountRegistration signRegistration(VenueSigningKey key, long accountId, long sequence,
            AccountCommitment commitment) {
        if (accountId < 0 || sequence < 0 || commitment == null) {
            throw new IllegalArgumentException("registration: account id, sequence >= 0 and a commitment are required");
        }
        byte[] sig = key.sign(CanonicalEncoding.registration(accountId, sequence, commitment));
        return AccountRegistration.of(accountId, sequence, commitment, sig);
    }

    public static boolean verifyRegistration(VenuePublicKey venue, AccountRegistration r) {
        return venue.verify(CanonicalEncoding.registration(r.accountId(), r.sequence(), r.commitment()),
                r.signature());
    }
}
