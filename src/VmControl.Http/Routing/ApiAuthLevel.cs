namespace VmControl.Http.Routing;

/// <summary>Who may call a route in Azure (function keys); mirrors the Functions authorization levels.</summary>
public enum ApiAuthLevel
{
    Anonymous,
    Function,
    Admin,
}
