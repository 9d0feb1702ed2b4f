package io.zkmargin.api.market;

import java.util.Arrays;
import java.util.Objects;

/**
 * A venue-signed registration of an account's current commitment; the sequence orders registrations.
 * The signature is checked with {@code io.zkmargin.api.sig.VenueSignatures.verifyRegistration}.
 */
public final class AccountRegistration {
    private final long accountId;
    private final long sequence;
    private final AccountCommitment commitment;
    private final byte[] signature;

    private AccountRegistration(long accountId, long sequence, AccountCommitment commitment, byte[] signature) {
        this.accountId = accountId;
        this.sequence = sequence;
        this.commitment = commitment;
        this.signature = signature;
    }

    public static AccountRegistration of(long accountId, long sequence, AccountCommitment commitment,
            byte[] signature) {
        if (accountId < 0 || sequence < 0) {
            throw new IllegalArgumentException("registration: account id and sequence must be >= 0");
        }
        if (commitment == null) {
            throw new IllegalArgumentException("registration of account " + accountId + ": commitment is missing");
        }
        if (signature == null || signature.length != MarketEpoch.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("registration of account " + accountId + ": signature must be "
                    + MarketEpoch.SIGNATURE_BYTES + " bytes");
        }
        return new AccountRegistration(accountId, sequence, commitment, signature.clone());
    }

    public long accountId() {
        return accountId;
    }

    public long sequence() {
        return sequence;
    }

    public AccountCommitment commitment() {
        return commitment;
    }

    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountRegistration r && accountId == r.accountId && sequence == r.sequence
                && commitment.equals(r.commitment) && Arrays.equals(signature, r.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, sequence, commitment, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "AccountRegistration[account=" + accountId + ", sequence=" + sequence + ", " + commitment + "]";
    }
}
