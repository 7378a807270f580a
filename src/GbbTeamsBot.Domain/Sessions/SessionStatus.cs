namespace GbbTeamsBot.Domain.Sessions;

public enum SessionStatus
{
    Prepared,
    Running,
    Paused,
    Completed,
    Cancelled,
}
