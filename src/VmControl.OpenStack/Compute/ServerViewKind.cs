namespace VmControl.OpenStack.Compute;

/// <summary>Which answer a server view is for: Nova's view builder shows different fields for each (<c>views/servers.py</c>).</summary>
public enum ServerViewKind
{
    /// <summary><c>GET /servers/{id}</c>.</summary>
    Show,

    /// <summary>An entry of <c>GET /servers/detail</c>: as <see cref="Show"/> but without 2.71's <c>server_groups</c>.</summary>
    DetailList,

    /// <summary><c>PUT /servers/{id}</c>: the base fields only before 2.75, everything from 2.75.</summary>
    Update,

    /// <summary>The <c>rebuild</c> action: as <see cref="Update"/>, plus <c>adminPass</c>, 2.54's <c>key_name</c> and 2.57's <c>user_data</c>.</summary>
    Rebuild,
}
