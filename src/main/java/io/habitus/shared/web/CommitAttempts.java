package io.habitus.shared.web;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, per request, that a transaction which may have written began to commit. When the
 * database connection then breaks, the outcome is unknown: PostgreSQL may have committed before
 * its answer was lost (a retry then finds the batch already stored). The 503 must not claim that
 * nothing was stored then. Boot registers every {@link TransactionExecutionListener} bean with its
 * transaction manager; commits on scheduler threads, outside any request, are ignored.
 */
@Component
public class CommitAttempts implements TransactionExecutionListener {

    private static final String ATTRIBUTE = CommitAttempts.class.getName() + ".attempted";

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        if (transaction.isReadOnly()) {
            return;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * Marks the current request as having attempted a commit, for work committed on its behalf by
     * another thread (a group commit's leader), whose transaction no listener ties to this request.
     */
    public static void attempted() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Whether a transaction that may have written began to commit while serving this request. */
    static boolean attemptedDuring(RequestAttributes request) {
        return request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null;
    }
}
