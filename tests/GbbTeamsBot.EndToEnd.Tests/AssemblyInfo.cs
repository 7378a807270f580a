// End-to-end collections each start a whole local stack and a browser; on small machines (2 cores) running them
// side by side only makes timing-sensitive UI waits flaky, so collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
