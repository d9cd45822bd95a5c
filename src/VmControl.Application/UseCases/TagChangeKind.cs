namespace VmControl.Application.UseCases;

public enum TagChangeKind
{
    Replace,
    Add,
    Remove,
}
