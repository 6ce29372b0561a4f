package io.actionflow.platform;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    /** The account, locked for the rest of the transaction: sign-in attempts that arrive at once are counted in turn. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.username = :username")
    Optional<UserAccount> lockByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select u.username from UserAccount u join u.roles r where r = :role and u.enabled = true order by u.username")
    List<String> enabledUsernamesWithRole(String role);

    @Query("select u.username from UserAccount u join u.roles r where r = :role and size(u.roles) = 1 order by u.username")
    List<String> usernamesWithOnlyRole(String role);

    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query(value = "delete from app_user_role where role = :role", nativeQuery = true)
    int removeRole(String role);

    @Query("select u from UserAccount u where u.enabled = true order by u.displayName, u.username")
    List<UserAccount> findEnabled();

    @Query("""
            select u from UserAccount u
            where :filter = '' or lower(u.username) like :filter escape '\\' or lower(u.displayName) like :filter escape '\\'
               or lower(coalesce(u.email, '')) like :filter escape '\\'""")
    List<UserAccount> search(String filter, Pageable page);

    @Query("""
            select count(u) from UserAccount u
            where :filter = '' or lower(u.username) like :filter escape '\\' or lower(u.displayName) like :filter escape '\\'
               or lower(coalesce(u.email, '')) like :filter escape '\\'""")
    long countMatching(String filter);

    @Query("select u.username from UserAccount u where u.defaultPassword = true and u.enabled = true order by u.username")
    List<String> usernamesWithDefaultPassword();

    @Query("select count(u) from UserAccount u join u.roles r where r = 'admin' and u.enabled = true")
    long countEnabledAdmins();
}
