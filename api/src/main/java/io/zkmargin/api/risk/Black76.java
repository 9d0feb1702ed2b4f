package io.zkmargin.api.risk;

/**
 * Black-76 prices of European options on a future: C = e^{-rT} (F N(d1) - K N(d2)), P = e^{-rT} (K N(-d2) - F N(-d1)),
 * d1 = (ln(F/K) + sigma^2 T / 2) / (sigma sqrt T), d2 = d1 - sigma sqrt T. At T = 0 or sigma = 0 the price is the
 * discounted intrinsic value.
 */
public final class Black76 {
    private Black76() {}

    public static double call(double f, double k, double t, double sigma, double r) {
        return price(true, f, k, t, sigma, r);
    }

    public static double put(double f, double k, double t, double sigma, double r) {
        return price(false, f, k, t, sigma, r);
    }

    public static double price(boolean call, double f, double k, double t, double sigma, double r) {
        if (!(f > 0) || !(k > 0) || !(t >= 0) || !(sigma >= 0) || !Double.isFinite(f) || !Double.isFinite(k)
                || !Double.isFinite(t) || !Double.isFinite(sigma) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("Black-76 needs F > 0, K > 0, T >= 0, sigma >= 0, all finite");
        }
        double df = Math.exp(-r * t);
        double sd = sigma * Math.sqrt(t);
        if (sd == 0) {
            return df * Math.max(call ? f - k : k - f, 0);
        }
        double d1 = (Math.log(f / k) + 0.5 * sd * sd) / sd;
        double d2 = d1 - sd;
        return call ? df * (f * normalCdf(d1) - k * normalCdf(d2)) : df * (k * normalCdf(-d2) - f * normalCdf(-d1));
    }

    /**
     * Standard normal CDF by Marsaglia's series Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/15 + ...), absolute error
     * near 1e-15; the tails beyond |x| = 38 are exactly 0 or 1 in double precision anyway.
     */
    public static double normalCdf(double x) {
        if (x < -38) {
            return 0;
        }
        if (x > 38) {
            return 1;
        }
        double s = x;
        double t = 0;
        double b = x;
        double q = x * x;
        double i = 1;
        while (s != t) {
            t = s;
            i += 2;
            b *= q / i;
            s = t + b;
        }
        double r = 0.5 + s * Math.exp(-0.5 * q - 0.91893853320467274178);
        return Math.min(1, Math.max(0, r));
    }
}
