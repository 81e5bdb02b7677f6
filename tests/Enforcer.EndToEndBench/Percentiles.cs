using System.Globalization;

namespace Enforcer.EndToEndBench;

/// <summary>Nearest-rank percentiles over milliseconds (p99 of 200 values is the 198th smallest).</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> milliseconds) => _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double Min => _sorted.Length == 0 ? double.NaN : _sorted[0];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double Mean => _sorted.Length == 0 ? double.NaN : _sorted.Average();

    public double At(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * _sorted.Length);
        return _sorted[Math.Clamp(rank, 1, _sorted.Length) - 1];
    }

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString("F0", CultureInfo.InvariantCulture);
}
