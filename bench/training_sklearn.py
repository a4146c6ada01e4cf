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

import numpy
import sklearn
from sklearn.datasets import load_svmlight_file
from sklearn.svm import OneClassSVM


def load(path, dimension):
    """A libsvm-format file as a CSR matrix with 32-bit indices.

    Newer scikit-learn loaders (1.9) return 64-bit index arrays, which OneClassSVM's libsvm wrapper
    refuses ("Buffer dtype mismatch, expected 'int' but got 'long'"); older ones return 32-bit. The
    files here are far below 2^31 non-zeros, so 32 bits hold every index on every version.
    """
    m, _ = load_svmlight_file(path, n_features=dimension, zero_based=False, dtype="float64")
    m = m.tocsr()
    m.indices = m.indices.astype(numpy.int32, copy=False)
    m.indptr = m.indptr.astype(numpy.int32, copy=False)
    return m


def main(train, probes, out, nu, gamma, tol, cache, shrinking, repeats):
    dimension = 4096  # FeatureSpec.defaults().dimension(); the files are sparse over it
    x = load(train, dimension)
    p = load(probes, dimension)
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
