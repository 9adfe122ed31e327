using BenefitsTracker.Analytics.Counterfactual;

namespace BenefitsTracker.Analytics.Tests;

/// <summary>
/// The bootstrap's IRLS refit reads each row through its non-zero entries (a month-of-year design has 3 of 13).
/// It must give exactly the fit the dense sums gave, to the last bit, so that every interval stays as it was.
/// </summary>
public sealed class PoissonFitTests
{
    [Theory]
    [InlineData(12, false, 1)]
    [InlineData(24, true, 2)]
    [InlineData(50, true, 3)]
    public void The_sparse_refit_equals_the_dense_one_bit_for_bit(int months, bool indicators, int seed)
    {
        var random = new Random(seed);
        var x = new double[months][];
        for (var i = 0; i < months; i++)
        {
            var trend = (double)i / months;
            x[i] = indicators
                ? [trend, .. Enumerable.Range(1, 11).Select(m => i % 12 == m ? 1.0 : 0.0)]
                : [trend, Math.Sin(2 * Math.PI * i / 12), Math.Cos(2 * Math.PI * i / 12)];
        }
        var truth = new double[x[0].Length + 1];
        truth[0] = 6;
        for (var j = 1; j < truth.Length; j++) truth[j] = random.NextDouble() - 0.5;
        var y = x.Select(r => Math.Round(PoissonModel.Predict(truth, r) * (0.8 + 0.4 * random.NextDouble()))).ToArray();
        var start = truth.Select(b => b + 0.05 * (random.NextDouble() - 0.5)).ToArray();

        var sparse = PoissonModel.FitIrls(x, y, start);
        var dense = DenseIrls(x, y, start);

        Assert.Equal(dense.Select(BitConverter.DoubleToInt64Bits), sparse.Select(BitConverter.DoubleToInt64Bits));
        Assert.True(Math.Abs(sparse[0] - truth[0]) < 0.5, "the fit is near the truth");
    }

    /// <summary>The refit as it was written before (every column of every row), kept here as the reference.</summary>
    private static double[] DenseIrls(double[][] x, double[] y, double[] start, int maxIterations = 25)
    {
        var p = start.Length;
        var beta = (double[])start.Clone();
        var xtwx = new double[p, p];
        var xtwz = new double[p];
        var row = new double[p];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Array.Clear(xtwx); Array.Clear(xtwz);
            for (var i = 0; i < x.Length; i++)
            {
                row[0] = 1; Array.Copy(x[i], 0, row, 1, p - 1);
                var eta = 0.0;
                for (var k = 0; k < p; k++) eta += beta[k] * row[k];
                var mu = Math.Exp(eta);
                var z = eta + (y[i] - mu) / mu;
                for (var a = 0; a < p; a++)
                {
                    var wa = mu * row[a];
                    xtwz[a] += wa * z;
                    for (var b = 0; b <= a; b++) xtwx[a, b] += wa * row[b];
                }
            }
            var next = Cholesky.Solve(xtwx, xtwz);
            if (next is null) return beta;
            var change = 0.0;
            for (var a = 0; a < p; a++) change = Math.Max(change, Math.Abs(next[a] - beta[a]));
            beta = next;
            if (change < 1e-9) break;
        }
        return beta;
    }
}
