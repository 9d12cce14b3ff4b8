/** Placeholder until the benchmark lands: prints how to run it. */
console.log("pnpm bench: not implemented yet");
