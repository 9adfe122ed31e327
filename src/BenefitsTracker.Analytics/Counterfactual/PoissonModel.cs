using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>
/// A log-linear count model, log μ = b + w·x. The fit reported is ML.NET's L-BFGS Poisson regression,
/// unregularised; bootstrap refits use iteratively reweighted least squares on the same likelihood,
/// started from that fit, because hundreds of ML.NET pipelines per estimate would take minutes
/// (docs/benchmarks.md). A test holds the two fits together.
/// </summary>
internal static class PoissonModel
{
    private sealed class Row
    {
        public float Label { get; set; }
        public float[] Features { get; set; } = [];
    }

    /// <summary>Coefficients [b, w1..wp] fitted by ML.NET.</summary>
    public static double[] FitMlNet(MLContext ml, double[][] x, double[] y)
    {
        var width = x[0].Length;
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var rows = x.Select((r, i) => new Row { Label = (float)y[i], Features = [.. r.Select(v => (float)v)] });
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            L1Regularization = 0,
            L2Regularization = 0,
            OptimizationTolerance = 1e-9f,
            MaximumNumberOfIterations = 1000,
            NumberOfThreads = 1, // one thread: the same inputs give the same fit, bit for bit
        });
        var model = trainer.Fit(data).Model;
        var beta = new double[width + 1];
        beta[0] = model.Bias;
        var weights = model.Weights;
        for (var j = 0; j < width; j++) beta[j + 1] = weights[j];
        return beta;
    }

    /// <summary>
    /// The Poisson maximum-likelihood fit by IRLS from <paramref name="start"/> (Newton steps on the log-likelihood).
    /// Rows are read through their non-zero entries only: a month-of-year design has 3 of 13 (intercept, trend, the
    /// month's indicator), so the weighted cross-products cost a tenth of the dense sums. Skipping terms that are
    /// exactly zero leaves every sum, and so the fit, the same to the last bit.
    /// </summary>
    public static double[] FitIrls(double[][] x, double[] y, double[] start, int maxIterations = 25)
    {
        var p = start.Length;
        var n = x.Length;
        // Each row's non-zero columns (the intercept's 0 first) and values, in column order.
        var columns = new int[n][];
        var values = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var count = 1;
            foreach (var v in x[i]) if (v != 0) count++;
            var c = new int[count];
            var v2 = new double[count];
            c[0] = 0; v2[0] = 1;
            var k = 1;
            for (var j = 0; j < p - 1; j++)
                if (x[i][j] != 0) { c[k] = j + 1; v2[k] = x[i][j]; k++; }
            columns[i] = c;
            values[i] = v2;
        }
        var beta = (double[])start.Clone();
        var xtwx = new double[p, p];
        var xtwz = new double[p];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Array.Clear(xtwx); Array.Clear(xtwz);
            for (var i = 0; i < n; i++)
            {
                var c = columns[i];
                var v = values[i];
                var eta = 0.0;
                for (var k = 0; k < c.Length; k++) eta += beta[c[k]] * v[k];
                var mu = Math.Exp(eta);
                var z = eta + (y[i] - mu) / mu;
                for (var ka = 0; ka < c.Length; ka++)
                {
                    var a = c[ka];
                    var wa = mu * v[ka];
                    xtwz[a] += wa * z;
                    for (var kb = 0; kb <= ka; kb++) xtwx[a, c[kb]] += wa * v[kb];
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

    public static double Predict(double[] beta, double[] x)
    {
        var eta = beta[0];
        for (var j = 0; j < x.Length; j++) eta += beta[j + 1] * x[j];
        return Math.Exp(eta);
    }
}

/// <summary>Solves a symmetric positive definite system given by its lower triangle.</summary>
internal static class Cholesky
{
    public static double[]? Solve(double[,] lower, double[] rhs)
    {
        var n = rhs.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = lower[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (sum <= 1e-12) return null;
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = rhs[i];
            for (var k = 0; k < i; k++) sum -= l[i, k] * y[k];
            y[i] = sum / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++) sum -= l[k, i] * x[k];
            x[i] = sum / l[i, i];
        }
        return x;
    }
}
