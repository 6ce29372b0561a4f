package io.actionflow.workflow.engine;

/** Where the processor reports every job it runs, so that they can be recorded as they happen. */
public interface JobSink {

    JobSink NONE = job -> {
    };

    void record(JobState job);
}
