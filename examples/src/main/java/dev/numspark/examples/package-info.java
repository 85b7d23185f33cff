/** spark-submit jobs and the {@code bin/numspark run} subcommand. */
package dev.numspark.examples;
