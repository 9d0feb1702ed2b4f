/**
 * JMH benchmarks (run through {@code java -jar bench/target/benchmarks.jar <regex>}) and the
 * deterministic inputs they share.
 */
package io.zkmargin.bench;
