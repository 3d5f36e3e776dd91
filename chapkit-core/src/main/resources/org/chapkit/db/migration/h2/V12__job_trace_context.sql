-- The W3C trace context (traceparent) of the span that submitted a job (issue 17): the worker that picks the job up,
-- on any instance, continues that trace. Null when tracing is off. trace_linked: the job was submitted to start later
-- (a task retry after its backoff, a delayed submit), so its attempt starts a trace of its own that links to the
-- submitter's span instead of continuing it.
ALTER TABLE jobs ADD COLUMN traceparent VARCHAR(64);
ALTER TABLE jobs ADD COLUMN trace_linked BOOLEAN DEFAULT FALSE NOT NULL;
