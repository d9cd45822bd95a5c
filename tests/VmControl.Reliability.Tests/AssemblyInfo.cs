// One test at a time: each starts its own Azurite and LocalHost, and on two cores side-by-side runs would measure
// each other (and stretch the outage test's timings) rather than the service.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
