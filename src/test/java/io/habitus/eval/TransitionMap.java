package io.habitus.eval;

import io.habitus.eval.ArchetypeResult.AttackOutcome;
import io.habitus.model.ActorState;
import io.habitus.model.ContainerState;
import io.habitus.model.Transition;
import io.habitus.model.internal.FeatureSpec;
import io.habitus.model.internal.SparseVector;
import io.habitus.model.internal.TransitionEncoder;
import io.habitus.sim.Scenario.Category;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import tools.jackson.databind.JsonNode;

/**
 * The seed idea as a picture: every held-out normal transition and the most anomalous transition
 * of every attack, encoded with the model's own feature specification, projected on two axes (the
 * direction from normal to attack transitions, and the main direction of normal variety
 * orthogonal to it); the shaded region is where a one-class SVM
 * trained on the projected normal points (libsvm, RBF, nu 0.05) says "normal". An illustration of
 * the idea only: Habitus's model decides in the full 4096-dimensional space, so a point can be
 * inside the 2-D region and still be flagged, and the markers say what the real model decided.
 */
final class TransitionMap {

    private static final int GRID = 160;

    private TransitionMap() {}

    static Path draw(ArchetypeResult result, Path dir) throws IOException {
        TransitionEncoder encoder = new TransitionEncoder(spec(result.model().path("featureSpec")));
        Map<SparseVector, Boolean> normal = new LinkedHashMap<>();
        for (Judged judged : result.normal()) {
            normal.merge(encoder.encode(transition(judged.transition())), judged.byModel(), Boolean::logicalOr);
        }
        // Axis 1 points from the centre of the normal transitions towards the centre of the attacks'
        // least normal transitions (a linear discriminant, the direction in which they differ on
        // average); axis 2 is the principal component of the normal transitions orthogonal to it.
        List<SparseVector> points = new ArrayList<>(normal.keySet());
        List<SparseVector> attackPoints = new ArrayList<>();
        result.attacks().values().forEach(outcomes -> outcomes.forEach(
                o -> attackPoints.add(encoder.encode(transition(o.mostAnomalous().transition())))));
        int dimension = encoder.spec().dimension();
        double[] mean = centre(points, dimension);
        double[] first = centre(attackPoints, dimension);
        for (int i = 0; i < dimension; i++) {
            first[i] -= mean[i];
        }
        normalise(first, null);
        double[] second = component(points, mean, first, 2);

        XYSeries inside = new XYSeries("normal transition");
        XYSeries flaggedNormal = new XYSeries("normal, flagged by the model (false positive)");
        XYSeries classicCaught = new XYSeries("classic attack, detected");
        XYSeries classicMissed = new XYSeries("classic attack, missed");
        XYSeries allowCaught = new XYSeries("in-allowlist attack, detected");
        XYSeries allowMissed = new XYSeries("in-allowlist attack, missed");
        List<double[]> projected = new ArrayList<>();
        for (Map.Entry<SparseVector, Boolean> entry : normal.entrySet()) {
            double[] p = {project(entry.getKey(), mean, first), project(entry.getKey(), mean, second)};
            projected.add(p);
            (entry.getValue() ? flaggedNormal : inside).add(p[0], p[1]);
        }
        result.attacks().forEach((scenario, outcomes) -> {
            for (AttackOutcome outcome : outcomes) {
                SparseVector v = encoder.encode(transition(outcome.mostAnomalous().transition()));
                double px = project(v, mean, first);
                double py = project(v, mean, second);
                boolean classic = scenario.category() == Category.CLASSIC;
                XYSeries series = classic ? (outcome.byBoth() ? classicCaught : classicMissed)
                        : (outcome.byBoth() ? allowCaught : allowMissed);
                series.add(px, py);
            }
        });

        double[] range = range(List.of(inside, flaggedNormal, classicCaught, classicMissed, allowCaught, allowMissed));
        DefaultXYZDataset region = boundary(projected, range);
        XYSeriesCollection scatter = new XYSeriesCollection();
        for (XYSeries s : List.of(inside, flaggedNormal, classicCaught, classicMissed, allowCaught, allowMissed)) {
            scatter.addSeries(s);
        }
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, new Color(0x555555));
        dots.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        dots.setSeriesPaint(1, Color.BLACK);
        dots.setSeriesShape(1, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
        dots.setSeriesPaint(2, new Color(0xd62728));
        dots.setSeriesShape(2, cross(5));
        dots.setSeriesPaint(3, new Color(0x9467bd));
        dots.setSeriesShape(3, cross(7));
        dots.setSeriesShapesFilled(2, false);
        dots.setSeriesShapesFilled(3, false);
        dots.setSeriesStroke(2, new BasicStroke(1.6f));
        dots.setSeriesStroke(3, new BasicStroke(2.2f));
        dots.setUseOutlinePaint(false);
        dots.setSeriesPaint(4, new Color(0xff7f0e));
        dots.setSeriesShape(4, triangle(6));
        dots.setSeriesPaint(5, new Color(0x1f77b4));
        dots.setSeriesShape(5, triangle(8));
        NumberAxis x = new NumberAxis("towards the attacks (normal centre → attack centre)");
        NumberAxis y = new NumberAxis("principal component of normal transitions (orthogonal)");
        x.setRange(range[0], range[1]);
        y.setRange(range[2], range[3]);
        XYPlot plot = new XYPlot(scatter, x, y, dots);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);   // attacks on top of normal points
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth((range[1] - range[0]) / GRID);
        blocks.setBlockHeight((range[3] - range[2]) / GRID);
        LookupPaintScale scale = new LookupPaintScale(-1, 2, Color.WHITE);
        scale.add(-1, new Color(0xf7f7f7));
        scale.add(0, new Color(0xd9f0d3));
        scale.add(1, new Color(0x7fbf7b));
        blocks.setPaintScale(scale);
        blocks.setSeriesVisibleInLegend(0, false);   // the title names the green region
        plot.setDataset(1, region);
        plot.setRenderer(1, blocks);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineStroke(new BasicStroke(1f));
        JFreeChart chart = new JFreeChart(result.archetype().name()
                + ": transitions in 2-D, one-class SVM region (green), attacks marked", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Path file = dir.resolve("transitions-" + result.archetype().name() + ".png");
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 700);
        return file;
    }

    private static FeatureSpec spec(JsonNode node) {
        try {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return FeatureSpec.fromMap(map);
        } catch (RuntimeException e) {
            System.err.println("[eval] model feature spec not readable (" + e.getMessage() + "); picture uses the default spec");
            return FeatureSpec.defaults();
        }
    }

    private static Object plain(JsonNode value) {
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        return value.asString();
    }

    static Transition transition(JsonNode node) {
        JsonNode actor = node.path("actor");
        ActorState acting = null;
        if (actor.isObject()) {
            List<String> own = new ArrayList<>();
            actor.path("recentTokens").forEach(t -> own.add(t.asString()));
            acting = new ActorState(actor.path("process").asString(), own);
        }
        return new Transition(state(node.path("before")), node.path("event").asString(), state(node.path("after")), acting);
    }

    private static ContainerState state(JsonNode node) {
        List<String> processes = new ArrayList<>();
        node.path("processes").forEach(p -> processes.add(p.asString()));
        List<String> recent = new ArrayList<>();
        node.path("recentTokens").forEach(t -> recent.add(t.asString()));
        return ContainerState.of(processes, recent);
    }

    private static double[] centre(List<SparseVector> points, int dimension) {
        double[] centre = new double[dimension];
        for (SparseVector v : points) {
            for (int i = 0; i < v.nonZeros(); i++) {
                centre[v.indexAt(i)] += v.valueAt(i) / points.size();
            }
        }
        return centre;
    }

    /** Power iteration on the covariance of the points, orthogonal to {@code previous}. */
    private static double[] component(List<SparseVector> points, double[] mean, double[] previous, long seed) {
        int d = mean.length;
        Random random = new Random(seed);
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = random.nextGaussian();
        }
        normalise(v, previous);
        for (int iteration = 0; iteration < 200; iteration++) {
            double meanDot = dot(mean, v);
            double[] w = new double[d];
            double sum = 0;
            for (SparseVector x : points) {
                double s = sparseDot(x, v) - meanDot;
                sum += s;
                for (int i = 0; i < x.nonZeros(); i++) {
                    w[x.indexAt(i)] += s * x.valueAt(i);
                }
            }
            for (int i = 0; i < d; i++) {
                w[i] -= mean[i] * sum;
            }
            normalise(w, previous);
            v = w;
        }
        return v;
    }

    private static void normalise(double[] v, double[] previous) {
        if (previous != null) {
            double along = dot(v, previous);
            for (int i = 0; i < v.length; i++) {
                v[i] -= along * previous[i];
            }
        }
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double sparseDot(SparseVector x, double[] v) {
        double sum = 0;
        for (int i = 0; i < x.nonZeros(); i++) {
            sum += x.valueAt(i) * v[x.indexAt(i)];
        }
        return sum;
    }

    private static double project(SparseVector x, double[] mean, double[] component) {
        return sparseDot(x, component) - dot(mean, component);
    }

    private static double[] range(List<XYSeries> series) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (XYSeries s : series) {
            if (s.getItemCount() > 0) {
                minX = Math.min(minX, s.getMinX());
                maxX = Math.max(maxX, s.getMaxX());
                minY = Math.min(minY, s.getMinY());
                maxY = Math.max(maxY, s.getMaxY());
            }
        }
        double padX = 0.08 * (maxX - minX + 1e-9);
        double padY = 0.08 * (maxY - minY + 1e-9);
        return new double[] {minX - padX, maxX + padX, minY - padY, maxY + padY};
    }

    /** A 2-D one-class SVM on the projected normal points, evaluated on a grid: 1 inside, -1 outside. */
    private static DefaultXYZDataset boundary(List<double[]> normal, double[] range) {
        svm_problem problem = new svm_problem();
        problem.l = normal.size();
        problem.y = new double[problem.l];
        problem.x = new svm_node[problem.l][];
        double meanSquared = 0;
        for (int i = 0; i < problem.l; i++) {
            problem.x[i] = node(normal.get(i)[0], normal.get(i)[1]);
        }
        double[] centre = new double[2];
        for (double[] p : normal) {
            centre[0] += p[0] / normal.size();
            centre[1] += p[1] / normal.size();
        }
        for (double[] p : normal) {
            meanSquared += ((p[0] - centre[0]) * (p[0] - centre[0]) + (p[1] - centre[1]) * (p[1] - centre[1])) / normal.size();
        }
        svm_parameter parameter = new svm_parameter();
        parameter.svm_type = svm_parameter.ONE_CLASS;
        parameter.kernel_type = svm_parameter.RBF;
        parameter.nu = 0.05;
        parameter.gamma = 4 / (2 * meanSquared + 1e-12);
        parameter.cache_size = 100;
        parameter.eps = 1e-3;
        parameter.shrinking = 1;
        svm.svm_set_print_string_function(s -> { });
        svm_model model = svm.svm_train(problem, parameter);
        double[][] data = new double[3][GRID * GRID];
        double[] decision = new double[1];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double px = range[0] + (i + 0.5) * (range[1] - range[0]) / GRID;
                double py = range[2] + (j + 0.5) * (range[3] - range[2]) / GRID;
                svm.svm_predict_values(model, node(px, py), decision);
                int k = i * GRID + j;
                data[0][k] = px;
                data[1][k] = py;
                data[2][k] = decision[0] >= 0 ? 1 : -1;
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("2-D one-class SVM: normal region", data);
        return dataset;
    }

    private static svm_node[] node(double x, double y) {
        svm_node a = new svm_node();
        a.index = 1;
        a.value = x;
        svm_node b = new svm_node();
        b.index = 2;
        b.value = y;
        return new svm_node[] {a, b};
    }

    private static Path2D cross(double r) {
        Path2D path = new Path2D.Double();
        path.moveTo(-r, -r);
        path.lineTo(r, r);
        path.moveTo(-r, r);
        path.lineTo(r, -r);
        return path;
    }

    private static Path2D triangle(double r) {
        Path2D path = new Path2D.Double();
        path.moveTo(0, -r);
        path.lineTo(r, r);
        path.lineTo(-r, r);
        path.closePath();
        return path;
    }
}
