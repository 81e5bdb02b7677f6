using Enforcer.TestSupport;

// The Firestore and Pub/Sub emulators start once for this test assembly and always stop at its end.
[assembly: AssemblyFixture(typeof(EmulatorFixture))]
