using Enforcer.TestSupport;

// One pair of emulators for the whole assembly; tests isolate data by project id.
[assembly: AssemblyFixture(typeof(EmulatorFixture))]
