using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.BotFramework.Connector;

/// <summary>
/// Card updates for the same message are merged: while one PUT waits for its quota permit or is in flight, newer
/// states replace each other and only the newest is sent next. Every caller's task completes when a state at least
/// as new as its own has been stored by Teams.
/// </summary>
public sealed class CardUpdateCoalescer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <param name="key">Identifies the message (service, conversation, activity id).</param>
    /// <param name="send">Sends one update; calls the body factory it gets to obtain the newest state.</param>
    public Task<ResourceResponse?> UpdateAsync(string key, Activity activity, Func<Func<object?>, Task<ResourceResponse?>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        var waiter = new TaskCompletionSource<ResourceResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Slot slot;
        bool start;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out slot!))
            {
                slot = new Slot();
                _slots[key] = slot;
            }

            slot.Pending = activity;
            slot.PendingWaiters.Add(waiter);
            start = !slot.Running;
            slot.Running = true;
        }

        if (start)
        {
            _ = Task.Run(() => DrainAsync(key, slot, send));
        }

        return waiter.Task;
    }

    private async Task DrainAsync(string key, Slot slot, Func<Func<object?>, Task<ResourceResponse?>> send)
    {
        while (true)
        {
            lock (_gate)
            {
                if (slot.Pending is null)
                {
                    slot.Running = false;
                    _slots.Remove(key);
                    return;
                }
            }

            Activity? current = null;
            var taken = new List<TaskCompletionSource<ResourceResponse?>>();
            object? TakeNewest()
            {
                lock (_gate)
                {
                    if (slot.Pending is not null)
                    {
                        current = slot.Pending;
                        slot.Pending = null;
                        taken.AddRange(slot.PendingWaiters);
                        slot.PendingWaiters.Clear();
                    }
                }

                return current;
            }

            try
            {
                var response = await send(TakeNewest);
                taken.ForEach(w => w.TrySetResult(response));
            }
            catch (Exception ex)
            {
                // A failure before any state was taken fails the waiting callers rather than looping on it.
                if (taken.Count == 0)
                {
                    TakeNewest();
                }

                taken.ForEach(w => w.TrySetException(ex));
            }
        }
    }

    private sealed class Slot
    {
        public Activity? Pending { get; set; }
        public List<TaskCompletionSource<ResourceResponse?>> PendingWaiters { get; } = [];
        public bool Running { get; set; }
    }
}
