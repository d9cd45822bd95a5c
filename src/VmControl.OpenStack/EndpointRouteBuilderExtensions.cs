using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace VmControl.OpenStack;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps Keystone under <c>/identity</c>, Compute v2.1 under <c>/compute</c> and the image stub under <c>/image</c>
    /// (docs/openstack.md): every method and path below each root goes to <see cref="OpenStackRouter"/>, the table the
    /// Functions app serves too. Needs <see cref="ServiceCollectionExtensions.AddOpenStackApi"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapOpenStackApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var face in OpenStackRouter.Faces)
        {
            endpoints.Map("/" + face + "/{**rest}", (RequestDelegate)(context => OpenStackRouter.ServeAsync(context, face)));
        }

        return endpoints;
    }
}
