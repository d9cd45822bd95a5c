namespace VmControl.Http.Identity;

/// <summary>One way a caller proves who it is (an API key, the platform's client principal).</summary>
public interface ICallerAuthenticator
{
    Authentication Authenticate(HttpRequest request);
}
