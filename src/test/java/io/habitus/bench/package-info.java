/** Load benchmarks run by hand against a live service and database (bench/), not by the test suite. */
package io.habitus.bench;
