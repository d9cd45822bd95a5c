namespace VmControl.Http.Contracts;

/// <summary><c>GET /api/me</c>: who the API takes the caller for, and what the role allows (the console hides the rest).</summary>
public sealed record CallerResource(string Name, string Role, string Project, bool AllProjects, IReadOnlyList<string> Routes);
