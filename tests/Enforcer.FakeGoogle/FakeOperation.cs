using System.Text.Json.Nodes;

namespace Enforcer.FakeGoogle;

// A long-running operation: done after a number of polls, in the shape of its API family.
internal sealed class FakeOperation(string id, JsonObject running, Func<JsonObject> done, int pollsToComplete)
{
    public string Id { get; } = id;

    public int Polls { get; private set; }

    public JsonObject Initial => (JsonObject)running.DeepClone();

    public JsonObject Poll()
    {
        Polls++;
        return Polls >= pollsToComplete ? done() : (JsonObject)running.DeepClone();
    }
}
