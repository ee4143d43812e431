namespace ContactHub.Routing;

/// <summary>
/// The fixed wait-time buckets the scripts count answered waits into (upper bounds in seconds; the last bucket is
/// everything from 3600 s up), and percentile estimates from them by linear interpolation inside a bucket.
/// </summary>
public static class WaitHistogram
{
    /// <summary>Upper bounds in seconds; must match BUCKETS in lib.lua.</summary>
    // Fine at the low end: chat and voice answers mostly fall under 5 s, and p50/p90 there must not read coarser than ASA.
    public static IReadOnlyList<double> UpperBounds { get; } = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600];

    public static int BucketCount => UpperBounds.Count + 1;

    /// <summary>
    /// The wait below which a fraction <paramref name="quantile"/> of answers fell: finds the bucket holding the
    /// rank quantile * total and interpolates linearly across it; the open last bucket reports its lower bound.
    /// </summary>
    public static double Estimate(IReadOnlyList<long> counts, double quantile)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return 0;
        }
        var rank = quantile * total;
        long below = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] > 0 && below + counts[i] >= rank)
            {
                var lower = i == 0 ? 0 : UpperBounds[i - 1];
                if (i >= UpperBounds.Count)
                {
                    return lower;
                }
                return lower + ((UpperBounds[i] - lower) * (rank - below) / counts[i]);
            }
            below += counts[i];
        }
        return UpperBounds[^1];
    }
}
