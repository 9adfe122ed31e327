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
    /// The Poisson maximum-likelihood fit by IRLS from <paramref name="start"/> (Newton steps on the log-likelihood);
    /// see <see cref="IrlsFit"/>, which the bootstrap builds once per design and reuses for every refit.
    /// </summary>
    public static double[] FitIrls(double[][] x, double[] y, double[] start, int maxIterations = 25)
    {
        var result = new double[start.Length];
        new IrlsFit(x).Fit(y, start, result, maxIterations);
        return result;
    }

    public static double Predict(double[] beta, double[] x)
    {
        var eta = beta[0];
        for (var j = 0; j < x.Length; j++) eta += beta[j + 1] * x[j];
        return Math.Exp(eta);
    }
}

/// <summary>
/// IRLS for one design, with every buffer allocated once: the bootstrap refits the same months hundreds of times,
/// and allocating the rows and the solver's arrays for every refit was most of a refit's cost (docs/benchmarks.md).
/// Rows are read through their non-zero entries only: a month-of-year design has 3 of 13 (intercept, trend, the
/// month's indicator), so the weighted cross-products cost a tenth of the dense sums. Skipping terms that are
/// exactly zero leaves every sum, and so the fit, the same to the last bit (PoissonFitTests). Not thread-safe:
/// one per design per thread.
/// </summary>
internal sealed class IrlsFit
{
    private readonly int[][] _columns;
    private readonly double[][] _values;
    private readonly int _p;
    private readonly double[,] _xtwx;
    private readonly double[] _xtwz;
    private readonly Cholesky _solver;
    private double[] _beta;
    private double[] _next;

    public IrlsFit(double[][] x)
    {
        var n = x.Length;
        _p = x[0].Length + 1;
        _columns = new int[n][];
        _values = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var count = 1;
            foreach (var v in x[i]) if (v != 0) count++;
            var c = new int[count];
            var v2 = new double[count];
            c[0] = 0; v2[0] = 1;
            var k = 1;
            for (var j = 0; j < _p - 1; j++)
                if (x[i][j] != 0) { c[k] = j + 1; v2[k] = x[i][j]; k++; }
            _columns[i] = c;
            _values[i] = v2;
        }
        _xtwx = new double[_p, _p];
        _xtwz = new double[_p];
        _solver = new Cholesky(_p);
        _beta = new double[_p];
        _next = new double[_p];
    }

    public int Rows => _columns.Length;

    /// <summary>The linear predictor b + w·x of row <paramref name="i"/>.</summary>
    public double Eta(double[] beta, int i)
    {
        var c = _columns[i];
        var v = _values[i];
        var eta = 0.0;
        for (var k = 0; k < c.Length; k++) eta += beta[c[k]] * v[k];
        return eta;
    }

    /// <summary>
    /// Fits <paramref name="y"/> from <paramref name="start"/> into <paramref name="result"/>: Newton steps until no
    /// coefficient moves by more than <paramref name="tolerance"/>, at most <paramref name="maxIterations"/>;
    /// where the weighted cross-products stop being positive definite, the last good coefficients. Returns the steps taken.
    /// </summary>
    public int Fit(double[] y, double[] start, double[] result, int maxIterations = 25, double tolerance = 1e-9)
    {
        var p = _p;
        Array.Copy(start, _beta, p);
        var xtwx = _xtwx;
        var xtwz = _xtwz;
        var iteration = 0;
        while (iteration < maxIterations)
        {
            iteration++;
            Array.Clear(xtwx); Array.Clear(xtwz);
            for (var i = 0; i < _columns.Length; i++)
            {
                var c = _columns[i];
                var v = _values[i];
                var eta = 0.0;
                for (var k = 0; k < c.Length; k++) eta += _beta[c[k]] * v[k];
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
            if (!_solver.Solve(xtwx, xtwz, _next)) break;
            var change = 0.0;
            for (var a = 0; a < p; a++) change = Math.Max(change, Math.Abs(_next[a] - _beta[a]));
            (_beta, _next) = (_next, _beta);
            if (change < tolerance) break;
        }
        Array.Copy(_beta, result, p);
        return iteration;
    }
}

/// <summary>Solves a symmetric positive definite system given by its lower triangle.</summary>
internal sealed class Cholesky(int n)
{
    private readonly double[,] _l = new double[n, n];
    private readonly double[] _y = new double[n];

    /// <summary>A fresh solver for one system (tests and one-off fits).</summary>
    public static double[]? Solve(double[,] lower, double[] rhs)
    {
        var x = new double[rhs.Length];
        return new Cholesky(rhs.Length).Solve(lower, rhs, x) ? x : null;
    }

    /// <summary>Solves into <paramref name="x"/>; false (and <paramref name="x"/> untouched) where the matrix is not positive definite.</summary>
    public bool Solve(double[,] lower, double[] rhs, double[] x)
    {
        var l = _l;
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = lower[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (sum <= 1e-12) return false;
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        var y = _y;
        for (var i = 0; i < n; i++)
        {
            var sum = rhs[i];
            for (var k = 0; k < i; k++) sum -= l[i, k] * y[k];
            y[i] = sum / l[i, i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++) sum -= l[k, i] * x[k];
            x[i] = sum / l[i, i];
        }
        return true;
    }
}
