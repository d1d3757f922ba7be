using NicConsole.Domain.Jobs;

namespace NicConsole.Web.Api.Actions;

public static class JobActions
{
    public static void Register(IaasActions actions) => actions.Add("DescribeJobs", DescribeAsync);

    private static object Item(Job j) => new
    {
        job_id = j.Id,
        job_action = j.Action.ToString(),
        status = j.Status.ApiName(),
        create_time = IaasJson.Time(j.CreateTime),
        status_time = IaasJson.Time(j.StatusTime),
        resource_ids = j.ResourceIds,
        owner = j.Owner,
        // The contract's error_codes is "" (QingCloud's own codes are not ours to invent); why a job failed is in
        // error_message, which clients that do not know it ignore.
        error_codes = "",
        error_message = j.Error ?? "",
        directive = j.Directive,
    };

    private static async Task<Dictionary<string, object?>> DescribeAsync(IaasRequest r)
    {
        var p = r.Parameters;
        var ids = p.List("jobs");
        var statuses = r.Filter<JobStatus>("status", s => s.ApiName());
        var actions = new List<JobAction>();
        foreach (var name in p.List("job_action"))
        {
            actions.Add(Enum.TryParse<JobAction>(name, out var action) && action.ToString() == name
                ? action : throw new IaasException(DomainErrors.InvalidValue("job_action", name)));
        }
        if (ids.Count > 0)
        {
            var known = await IaasRequest.AllAsync(paging => r.Use<JobQueries>().QueryAsync(r.Context, new JobQuery { Ids = ids, Page = paging }, r.CancellationToken));
            if (ids.FirstOrDefault(id => known.All(j => j.Id != id)) is { } missing)
            {
                throw new IaasException(DomainErrors.JobNotFound(missing));
            }
        }
        var query = new JobQuery { Ids = ids, Statuses = statuses ?? [], Actions = actions, Page = r.Page() };
        var page = IaasRequest.Ok(await r.Use<JobQueries>().QueryAsync(r.Context, query, r.CancellationToken));
        return IaasJson.Page("job_set", page, Item);
    }
}
