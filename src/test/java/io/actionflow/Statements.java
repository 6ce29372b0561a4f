package io.actionflow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements that HTTP requests send, whoever sends them (jOOQ, Hibernate, plain JDBC), and the
 * connections they take from the pool (one per transaction, or per statement outside one): the data source of the test
 * contexts hands out connections that count the statements they prepare while {@link #during} runs. Only request
 * threads count, so background work (the scheduler's polls) does not.
 */
public final class Statements implements BeanPostProcessor {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final java.util.Queue<String> SENT = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final java.util.concurrent.atomic.AtomicInteger CONNECTIONS = new java.util.concurrent.atomic.AtomicInteger();
    private static volatile boolean counting;

    /**
     * The tables of what is cached as last committed: accounts (with their roles, read by a second statement), roles,
     * permissions, tokens, collections and their fields, workflows. A counted call refills each at most once, when its
     * entries expire during the call (they live under a second): such a read is not the call's own.
     */
    public static final List<String> CACHED_TABLES = List.of("app_user", "app_user_role", "af_role", "af_permission",
            "af_api_token", "af_collection", "af_field", "af_workflow");
    private static final java.util.regex.Pattern REFILL = java.util.regex.Pattern.compile(
            "^select .* from \"?(" + String.join("|", CACHED_TABLES) + ")\\b", java.util.regex.Pattern.DOTALL);

    /** Whether a statement reads one of {@link #CACHED_TABLES}: a cache's refill. */
    public static boolean refill(String sql) {
        return REFILL.matcher(sql).find();
    }

    /** How many statements requests sent while {@code work} ran, and what it answered. */
    public static <T> Counted<T> during(Callable<T> work) throws Exception {
        SENT.clear();
        CONNECTIONS.set(0);
        counting = true;
        try {
            T answer = work.call();
            return new Counted<>(List.copyOf(SENT), CONNECTIONS.get(), answer);
        } finally {
            counting = false;
        }
    }

    /**
     * The statements sent (their SQL; a statement created without SQL as {@code (statement)}), how many connections were
     * taken from the pool, and the answer.
     */
    public record Counted<T>(List<String> sent, int connections, T answer) {

        public int statements() {
            return sent.size();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource)) {
            return bean;
        }
        var factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvice((MethodInterceptor) invocation -> {
            Object result = invocation.proceed();
            if (result instanceof Connection connection && invocation.getMethod().getName().equals("getConnection")) {
                if (counting && requestThread()) {
                    CONNECTIONS.incrementAndGet();
                }
                return counted(connection);
            }
            return result;
        });
        return factory.getProxy(bean.getClass().getClassLoader());
    }

    private static Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (counting && STATEMENTS.contains(method.getName()) && requestThread()) {
                        SENT.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : "(statement)");
                    }
                    if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                        Class<?> type = (Class<?>) args[0];
                        if (type.isInstance(connection)) {
                            return method.getName().equals("unwrap") ? connection : true;
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean requestThread() {
        return Thread.currentThread().getName().startsWith("http-nio");
    }
}
