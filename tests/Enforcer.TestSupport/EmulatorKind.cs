namespace Enforcer.TestSupport;

/// <summary>The emulators the fixture can run.</summary>
public enum EmulatorKind
{
    Firestore,
    PubSub,
}
