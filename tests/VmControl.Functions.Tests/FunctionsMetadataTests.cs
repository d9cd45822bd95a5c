using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using VmControl.Application.Fleet;
using VmControl.Application.Model;
using VmControl.Application.PowerSync;
using VmControl.Application.Tasks;
using VmControl.Application.Tasks.V1;
using VmControl.Domain;
using VmControl.Functions.Durable;
using VmControl.Functions.Http;
using VmControl.Functions.Tests.Fakes;
using VmControl.Functions.Tests.Metadata;
using VmControl.Http.Routing;

namespace VmControl.Functions.Tests;

/// <summary>
/// What the Functions host would read (Core Tools cannot run here): the build's <c>functions.metadata</c>, checked
/// against the shared route table and against the names the Durable code actually schedules and calls.
/// <see cref="RouteParityTests"/> and <see cref="DurableTriggerTests"/> check the attributes by reflection; these check
/// the file the worker SDK generates from them, which is what the host indexes.
/// </summary>
public sealed class FunctionsMetadataTests
{
    // The functions that start, stop or read a task bind the invocation's Durable client (DurableClientScope); one that
    // reaches ITaskLauncher without it answers 503 (FunctionsTaskLauncher). Adding or removing one must change this table.
    private static readonly string[] DurableClientFunctions =
    [
        "CreateVm",             // starts the create task
        "DeleteVm",             // terminates the running task, then starts the delete task
        "RequestAction",        // starts the action's task
        "ResetState",           // terminates the running task
        "RunPowerSync",         // resumes lost tasks; the orphan check reads the task's instance
        "GetHealth",            // the engine check reads an instance
        nameof(PowerSyncTimer), // the same pass as RunPowerSync
        nameof(ScheduleTickTimer), // the tick's actions start tasks
        "CreateFleetOperation", // starts the fleet operation's orchestration
    ];

    // One catch-all trigger per face of the OpenStack router, every method (OpenStackFunctions).
    private static readonly (string Function, string Route)[] OpenStackTriggers =
    [
        ("OpenStackIdentity", "identity/{*rest}"),
        ("OpenStackCompute", "compute/{*rest}"),
        ("OpenStackImage", "image/{*rest}"),
    ];

    private static FunctionsMetadata Metadata => FunctionsMetadata.FromBuild;

    public static TheoryData<string> ApiHandlers => new(ApiRoutes.All.Select(r => r.Name));

    [Fact]
    public void MetadataFile_IsInTheBuildOutput()
    {
        Assert.True(
            File.Exists(FunctionsMetadata.BuiltPath),
            $"{FunctionsMetadata.BuiltPath} is missing: VmControl.Functions' build no longer reaches this test output.");
    }

    [Fact]
    public void Metadata_ListsEveryFunctionOfTheTestedAssembly_WithItsEntryPoint()
    {
        // Also shows the file is the one built with the assembly these tests load, not a stale copy.
        var assembly = typeof(VmFunctions).Assembly;
        var declared = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Function is not null)
            .Select(f => $"{f.Function!.Name} {f.Method.DeclaringType!.FullName}.{f.Method.Name}")
            .Order(StringComparer.Ordinal);
        var listed = Metadata.Functions.Select(f => $"{f.Name} {f.EntryPoint}").Order(StringComparer.Ordinal);

        Assert.Equal(declared, listed);
        Assert.All(Metadata.Functions, f => Assert.Equal(Path.GetFileName(assembly.Location), f.ScriptFile));
    }

    [Fact]
    public async Task Metadata_HasOneTriggerPerFunction_ApiRoutesConsoleTimerOrchestrationAndActivities()
    {
        var expected = ApiRoutes.All.Select(r => $"{FunctionName(r)}: httpTrigger")
            .Append("Console: httpTrigger")
            .Concat(OpenStackTriggers.Select(t => $"{t.Function}: httpTrigger"))
            .Append($"{nameof(PowerSyncTimer)}: timerTrigger")
            .Append($"{nameof(ScheduleTickTimer)}: timerTrigger")
            .Append($"{Assert.Single(await ScheduledOrchestrationsAsync())}: orchestrationTrigger")
            .Append($"{VmTaskOrchestratorV1.Name}: orchestrationTrigger")
            .Append($"{Assert.Single(await ScheduledFleetOrchestrationsAsync())}: orchestrationTrigger")
            .Concat((await CalledActivitiesAsync()).Concat(await CalledActivitiesV1Async()).Concat(await CalledFleetActivitiesAsync())
                .Distinct().Select(a => $"{a}: activityTrigger"))
            .Order(StringComparer.Ordinal);

        // Trigger throws unless the function has exactly one trigger binding.
        Assert.Equal(expected, Metadata.Functions.Select(f => $"{f.Name}: {f.Trigger.Type}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ApiHandlers))]
    public void HttpTrigger_OfEachApiRoute_HasTheTablesRouteAndMethod_AndIsAnonymousToTheHost(string handler)
    {
        var route = ApiRoutes.All.Single(r => r.Name == handler);

        var function = Assert.Single(
            Metadata.WithTrigger("httpTrigger"),
            f => f.Trigger.Route == route.Template && (f.Trigger.Methods ?? []).Contains(route.Method, StringComparer.OrdinalIgnoreCase));

        Assert.Equal(FunctionName(route), function.Name);
        Assert.Equal([route.Method], (function.Trigger.Methods ?? []).Select(m => m.ToUpperInvariant()));
        // Anonymous to the Functions host: the worker authorizes every request against route.Role (Trigger.RunAsync).
        Assert.Equal("anonymous", function.Trigger.AuthLevel, ignoreCase: true);
    }

    [Fact]
    public void HttpTriggers_ServeExactlyTheApiRoutesTheConsoleAndTheOpenStackFaces_EachOnce()
    {
        // A list, not a set: a route served by two functions appears twice and fails.
        var served = Metadata.WithTrigger("httpTrigger")
            .SelectMany(f => (f.Trigger.Methods ?? []).Select(m => $"{m.ToUpperInvariant()} {f.Trigger.Route}"))
            .Order(StringComparer.Ordinal);
        var expected = ApiRoutes.All.Select(r => $"{r.Method} {r.Template}")
            .Append($"GET {ConsoleFunctions.Route}")
            .Concat(OpenStackTriggers.SelectMany(t => OpenStackFunctions.Methods.Select(m => $"{m.ToUpperInvariant()} {t.Route}")))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, served);
    }

    [Fact]
    public void ConsoleTrigger_IsAnonymousGetOnTheConsoleRoute()
    {
        var trigger = Metadata["Console"].Trigger;

        Assert.Equal("httpTrigger", trigger.Type);
        Assert.Equal(ConsoleFunctions.Route, trigger.Route);
        Assert.Equal(["get"], trigger.Methods ?? [], StringComparer.OrdinalIgnoreCase);
        Assert.Equal(nameof(AuthorizationLevel.Anonymous), trigger.AuthLevel, ignoreCase: true);
    }

    [Fact]
    public void OpenStackTriggers_AreAnonymousCatchAllsOverEveryFace()
    {
        Assert.Equal(OpenStack.OpenStackRouter.Faces.Select(f => f + "/{*rest}").Order(StringComparer.Ordinal), OpenStackTriggers.Select(t => t.Route).Order(StringComparer.Ordinal));
        foreach (var (function, route) in OpenStackTriggers)
        {
            var trigger = Metadata[function].Trigger;
            Assert.Equal(route, trigger.Route);
            Assert.Equal(OpenStackFunctions.Methods, trigger.Methods ?? [], StringComparer.OrdinalIgnoreCase);
            Assert.Equal(nameof(AuthorizationLevel.Anonymous), trigger.AuthLevel, ignoreCase: true);
        }
    }

    [Fact]
    public void DurableClientBinding_IsOnExactlyTheFunctionsThatStartOrReadATask()
    {
        var bound = Metadata.Functions.Where(f => f.Binds("durableClient")).Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(DurableClientFunctions.Order(StringComparer.Ordinal), bound);
    }

    [Fact]
    public void Bindings_OfEachFunction_AreItsTrigger_ItsDurableClient_AndForHttpItsReturnedResponse()
    {
        Assert.All(Metadata.Functions, function =>
        {
            List<string> expected = [$"In {function.Trigger.Type}"];
            if (DurableClientFunctions.Contains(function.Name))
            {
                expected.Add("In durableClient");
            }

            if (function.Trigger.Type == "httpTrigger")
            {
                expected.Add("Out http $return");
            }

            var actual = function.Bindings.Select(b => b.Direction == "In" ? $"In {b.Type}" : $"{b.Direction} {b.Type} {b.Name}");
            Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public async Task OrchestrationTrigger_IsNamedAsTheFunctionsLauncherSchedulesIt()
    {
        var orchestrations = Metadata.WithTrigger("orchestrationTrigger").Select(f => f.Name).Order(StringComparer.Ordinal);

        // The previous version stays served until its instances drain (VmTaskOrchestratorV1); the launcher starts the current one.
        Assert.Equal(
            new[] { Assert.Single(await ScheduledOrchestrationsAsync()), VmTaskOrchestratorV1.Name, Assert.Single(await ScheduledFleetOrchestrationsAsync()) }
                .Order(StringComparer.Ordinal),
            orchestrations);
    }

    [Fact]
    public async Task ActivityTriggers_AreNamedAsTheOrchestratorCallsThem()
    {
        var called = (await CalledActivitiesAsync()).Concat(await CalledActivitiesV1Async()).Concat(await CalledFleetActivitiesAsync()).ToList();

        // The runs below go through every step (begin, poll, finish) of both versions, whose begin steps differ, and
        // every step of a fleet operation (plan, a tier's step, readiness, finish); a name missing from the metadata
        // fails the task or the operation.
        Assert.Equal(8, called.Distinct().Count());
        Assert.Equal(
            called.Distinct().Order(StringComparer.Ordinal),
            Metadata.WithTrigger("activityTrigger").Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TimerTrigger_ReadsItsScheduleFromThePowerSyncScheduleSetting()
    {
        var timer = Assert.Single(Metadata.WithTrigger("timerTrigger"), f => f.Name == nameof(PowerSyncTimer));

        // The host resolves the expression from the app setting PowerSync__Schedule: the key PowerSyncSettings binds
        // from the PowerSync section (Program.cs), so one setting drives both.
        Assert.Equal($"%PowerSync:{nameof(PowerSyncSettings.Schedule)}%", timer.Trigger.Schedule);
    }

    [Fact]
    public void TimerTriggers_AreThePowerSyncAndTheScheduleTick()
    {
        Assert.Equal(
            [nameof(PowerSyncTimer), nameof(ScheduleTickTimer)],
            Metadata.WithTrigger("timerTrigger").Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ScheduleTickTimer.EveryMinute, Metadata.WithTrigger("timerTrigger").Single(f => f.Name == nameof(ScheduleTickTimer)).Trigger.Schedule);
    }

    // The Functions trigger serving a route is named after its handler on VmControlApi, without the Async suffix.
    private static string FunctionName(ApiRoute route) =>
        route.Name.EndsWith("Async", StringComparison.Ordinal) ? route.Name[..^"Async".Length] : route.Name;

    private static VmTaskInput Input() => new(
        "vm-0123456789abcdef",
        "act-1",
        VmAction.Start,
        TaskState.PoweringOn,
        new Dictionary<string, string>(),
        new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.Zero));

    // What a trigger bound to [DurableClient] schedules when it starts a task, through the Functions launcher.
    private static async Task<IReadOnlyList<string>> ScheduledOrchestrationsAsync()
    {
        var client = new RecordingDurableTaskClient();
        using (DurableClientScope.Use(client))
        {
            Assert.True(await new FunctionsTaskLauncher().TryStartAsync(Input()));
        }

        return client.Scheduled;
    }

    // What the fleet operation's trigger schedules, through the Functions launcher.
    private static async Task<IReadOnlyList<string>> ScheduledFleetOrchestrationsAsync()
    {
        var client = new RecordingDurableTaskClient();
        using (DurableClientScope.Use(client))
        {
            Assert.True(await new FunctionsFleetLauncher().TryStartAsync(new FleetRun(FleetIds.New(DateTimeOffset.UnixEpoch), TimeSpan.FromSeconds(1))));
        }

        return client.Scheduled;
    }

    // The activities a fleet operation of one tier with a readiness condition calls, through its trigger's function.
    private static async Task<IReadOnlyList<string>> CalledFleetActivitiesAsync()
    {
        var context = new RecordingOrchestrationContext(new FleetRun("fop-1", TimeSpan.FromSeconds(1)), type =>
            type == typeof(FleetPlan) ? new FleetPlan(1, TimeSpan.Zero, new FleetReadiness(FleetReadinessCondition.PowerRunning, null, TimeSpan.FromMinutes(1)))
            : type == typeof(FleetTierState) ? new FleetTierState(0, 0, null, false)
            : type == typeof(FleetStatus) ? FleetStatus.Succeeded
            : throw new InvalidOperationException($"The orchestrator asked for an unexpected {type.Name}."));

        Assert.Equal(FleetStatus.Succeeded, await OrchestratorFunctions.RunFleetOperation(context));
        return context.Activities;
    }

    // The activities the orchestration trigger's function calls over one task whose operation is polled once.
    private static async Task<IReadOnlyList<string>> CalledActivitiesAsync()
    {
        var context = new RecordingOrchestrationContext(Input(), type =>
            type == typeof(BeginOutcome) ? new BeginOutcome.InProgress(new HypervisorOperation("ext-1", "op-1", TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(1), null)
            : type == typeof(OperationProgress) ? new OperationProgress(OperationState.Succeeded)
            : type == typeof(VmTaskOutcome) ? new VmTaskOutcome(ActionStatus.Succeeded, VmState.Active)
            : throw new InvalidOperationException($"The orchestrator asked for an unexpected {type.Name}."));

        var outcome = await OrchestratorFunctions.RunVmTask(context);

        Assert.Equal(ActionStatus.Succeeded, outcome.Status);
        return context.Activities;
    }

    // The same over the previous version's trigger, for the instances it still serves.
    private static async Task<IReadOnlyList<string>> CalledActivitiesV1Async()
    {
        var context = new RecordingOrchestrationContext(Input(), type =>
            type == typeof(BeginOutcomeV1) ? new BeginOutcomeV1(Operation: new HypervisorOperation("ext-1", "op-1", TimeSpan.FromSeconds(1)), Wait: TimeSpan.FromSeconds(1))
            : type == typeof(OperationProgress) ? new OperationProgress(OperationState.Succeeded)
            : type == typeof(VmTaskOutcome) ? new VmTaskOutcome(ActionStatus.Succeeded, VmState.Active)
            : throw new InvalidOperationException($"The orchestrator asked for an unexpected {type.Name}."));

        var outcome = await OrchestratorFunctions.RunVmTaskV1(context);

        Assert.Equal(ActionStatus.Succeeded, outcome.Status);
        return context.Activities;
    }
}
