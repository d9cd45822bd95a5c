namespace VmControl.Console.Tests.Support;

/// <summary>Locators of the VM view (#/vms/{id}).</summary>
internal sealed class VmPage(IPage page)
{
    public ILocator VmState => page.Locator(".badges .badge.vm");

    public ILocator TaskState => page.Locator(".badges .badge.task");

    public ILocator PowerState => page.Locator(".badges .badge.power");

    public ILocator Messages => page.Locator("main .messages").First;

    public ILocator Hint => page.Locator("#action-hint");

    public ILocator Mismatch => page.Locator(".title-row a.mismatch");

    public ILocator CurrentTask => page.Locator("section.task");

    public ILocator Action(string action) => page.Locator($"button[data-action='{action}']");

    public ILocator DeleteButton => page.GetByRole(AriaRole.Button, new() { Name = "Delete…", Exact = true });

    public ILocator History(string action, string status) =>
        page.Locator($"table.history tr[data-status='{status}']").Filter(new() { Has = page.Locator($"td:first-child:text-is('{action}')") });
}
