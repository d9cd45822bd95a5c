using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace VmControl.OpenStack;

/// <summary>One route of the OpenStack face: a method and a template below the face's root, and what answers it.</summary>
public sealed class FaceRoute(string method, string template, Func<HttpContext, Task> run)
{
    private readonly TemplateMatcher matcher = new(TemplateParser.Parse(template.TrimStart('/')), new RouteValueDictionary());

    public string Method { get; } = method;

    /// <summary>The template below the face's root, e.g. <c>/v2.1/servers/{id}</c>.</summary>
    public string Template { get; } = template;

    public Func<HttpContext, Task> Run { get; } = run;

    /// <summary>Whether <paramref name="path"/> (below the face's root) fits the template; its parameters go to <paramref name="values"/>.</summary>
    public bool Matches(PathString path, RouteValueDictionary values) => matcher.TryMatch(path, values);
}
