#!/usr/bin/python3
"""Trains scikit-learn's OneClassSVM on a libsvm-format file exactly as the Java side trains libsvm.

usage: training_sklearn.py TRAIN PROBES DECISIONS_OUT NU GAMMA TOL CACHE_MB SHRINKING(0|1) REPEATS

Fits REPEATS times (the machine may be shared: the best time is the least disturbed one).
Prints one JSON line: fit times, support vectors, pickled model size, rho (offset_), versions.
Writes one decision value per probe line to DECISIONS_OUT. OneClassSVM.decision_function is
score_samples - offset_ = sum_i alpha_i K(sv_i, x) - rho, i.e. libsvm's own decision value
(positive inside), so the two are compared directly.
"""
import json
import pickle
import sys
import time

import sklearn
from sklearn.datasets import load_svmlight_file
from sklearn.svm import OneClassSVM


def main(train, probes, out, nu, gamma, tol, cache, shrinking, repeats):
    dimension = 4096  # FeatureSpec.defaults().dimension(); the files are sparse over it
    x, _ = load_svmlight_file(train, n_features=dimension, zero_based=False, dtype="float64")
    p, _ = load_svmlight_file(probes, n_features=dimension, zero_based=False, dtype="float64")
    fit_seconds = []
    for _ in range(int(repeats)):
        model = OneClassSVM(kernel="rbf", gamma=float(gamma), nu=float(nu), tol=float(tol),
                            shrinking=shrinking == "1", cache_size=float(cache), max_iter=-1)
        started = time.perf_counter()
        model.fit(x)
        fit_seconds.append(time.perf_counter() - started)
    decisions = model.decision_function(p)
    with open(out, "w") as f:
        f.writelines(repr(float(d)) + "\n" for d in decisions)
    print(json.dumps({
        "fitSeconds": fit_seconds,
        "supportVectors": int(model.support_.shape[0]),
        "pickleBytes": len(pickle.dumps(model)),
        "rho": float(model.offset_[0]),
        "sklearn": sklearn.__version__,
        "python": sys.version.split()[0],
    }))


if __name__ == "__main__":
    if len(sys.argv) != 10:
        sys.exit(__doc__)
    main(*sys.argv[1:])
