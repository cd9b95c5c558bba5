//! Logins, second factors, sessions and API tokens: counted atomically
//! across handles on one vault (as several requests, or a server and the
//! command line, would hold), and ended from any handle.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use testimonio_domain::Role;

use crate::tests::vault_with_history;
use crate::{
    LoginOutcome, Password, SecondFactorOutcome, SessionTimeouts, Throttle, TokenStatus, Username,
    Vault, VaultError,
};

const PASSWORD: &str = "correct horse battery";

fn account(vault: &mut Vault, name: &str) -> (Username, i64) {
    let username = Username::parse(name).unwrap();
    let user = vault
        .create_user(
            &username,
            Role::Coordinator,
            &Password::new(PASSWORD.into()).unwrap(),
        )
        .unwrap();
    (username, user.id)
}

fn attempt(vault: &mut Vault, name: &str, password: &str, throttle: &Throttle) -> LoginOutcome {
    from_device(vault, name, password, throttle, None)
}

fn from_device(
    vault: &mut Vault,
    name: &str,
    password: &str,
    throttle: &Throttle,
    device: Option<&str>,
) -> LoginOutcome {
    vault
        .verify_login(name, &Password::attempt(password.into()), throttle, device)
        .unwrap()
}

/// Audit entries of `user:NAME` whose detail starts with `prefix`.
fn audited(vault: &Vault, name: &str, prefix: &str) -> usize {
    let object = format!("user:{name}");
    vault
        .audit_tail(100_000)
        .unwrap()
        .iter()
        .filter(|e| e.action == "login" && e.object == object && e.detail.starts_with(prefix))
        .count()
}

/// Runs `per_handle` attempts on each of `handles` clones of `vault` at
/// once; returns every outcome.
fn in_parallel<T: Send>(
    vault: &Vault,
    handles: usize,
    per_handle: usize,
    f: impl Fn(&mut Vault) -> T + Sync,
) -> Vec<T> {
    let clones: Vec<Vault> = (0..handles).map(|_| vault.try_clone().unwrap()).collect();
    std::thread::scope(|s| {
        let f = &f;
        let threads: Vec<_> = clones
            .into_iter()
            .map(|mut v| s.spawn(move || (0..per_handle).map(|_| f(&mut v)).collect::<Vec<_>>()))
            .collect();
        threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect()
    })
}

#[test]
fn parallel_wrong_passwords_are_evaluated_only_up_to_the_free_number() {
    let (_tmp, mut vault) = vault_with_history();
    account(&mut vault, "ana");
    let outcomes = in_parallel(&vault, 6, 5, |v| {
        attempt(v, "ana", "a wrong password", &Throttle::LOGIN)
    });
    let evaluated = outcomes
        .iter()
        .filter(|o| **o == LoginOutcome::BadCredentials)
        .count();
    let throttled = outcomes
        .iter()
        .filter(|o| matches!(o, LoginOutcome::Throttled { .. }))
        .count();
    assert_eq!((evaluated, throttled), (5, 25), "{outcomes:?}");
    assert_eq!(audited(&vault, "ana", "failed"), 5);
    // The right password waits for the delay too.
    assert!(matches!(
        attempt(&mut vault, "ana", PASSWORD, &Throttle::LOGIN),
        LoginOutcome::Throttled { .. }
    ));
    assert_eq!(audited(&vault, "ana", "failed"), 5);
    // Unknown names: never throttled, never audited.
    for _ in 0..8 {
        assert_eq!(
            attempt(&mut vault, "nobody", PASSWORD, &Throttle::LOGIN),
            LoginOutcome::BadCredentials
        );
    }
    assert_eq!(audited(&vault, "nobody", ""), 0);
}

#[test]
fn the_owner_logs_in_once_the_delay_has_passed_and_the_count_starts_over() {
    let (_tmp, mut vault) = vault_with_history();
    account(&mut vault, "ana");
    let short = Throttle {
        free: 3,
        first_delay: Duration::from_millis(300),
        max_delay: Duration::from_secs(1),
    };
    for _ in 0..3 {
        assert_eq!(
            attempt(&mut vault, "ana", "wrong", &short),
            LoginOutcome::BadCredentials
        );
    }
    let LoginOutcome::Throttled { until } = attempt(&mut vault, "ana", PASSWORD, &short) else {
        panic!("not throttled after three failures");
    };
    let until = chrono::DateTime::parse_from_rfc3339(&until).unwrap();
    let wait = (until.with_timezone(&chrono::Utc) - chrono::Utc::now())
        .to_std()
        .unwrap_or_default();
    std::thread::sleep(wait + Duration::from_millis(20));
    assert!(matches!(
        attempt(&mut vault, "ana", PASSWORD, &short),
        LoginOutcome::Success(_)
    ));
    let user = vault.users().unwrap().remove(0);
    assert_eq!((user.failed_logins, user.locked_until), (0, None));
    // After a success, the free failures are free again.
    for _ in 0..2 {
        assert_eq!(
            attempt(&mut vault, "ana", "wrong", &short),
            LoginOutcome::BadCredentials
        );
    }
    assert!(matches!(
        attempt(&mut vault, "ana", PASSWORD, &short),
        LoginOutcome::Success(_)
    ));
    // A new password lifts a delay at once.
    for _ in 0..3 {
        attempt(&mut vault, "ana", "wrong", &Throttle::LOGIN);
    }
    let ana = Username::parse("ana").unwrap();
    vault
        .set_password(
            &ana,
            &Password::new("another good password".into()).unwrap(),
        )
        .unwrap();
    assert!(matches!(
        attempt(&mut vault, "ana", "another good password", &Throttle::LOGIN),
        LoginOutcome::Success(_)
    ));
}

#[test]
fn a_known_device_logs_in_while_guesses_from_elsewhere_keep_the_account_in_its_delay() {
    let (_tmp, mut vault) = vault_with_history();
    let (ana, id) = account(&mut vault, "ana");
    let t = Throttle::LOGIN;
    assert!(matches!(
        attempt(&mut vault, "ana", PASSWORD, &t),
        LoginOutcome::Success(_)
    ));
    let device = vault
        .remember_device(id, None)
        .unwrap()
        .expect("a new device");
    // Known: kept, no new cookie.
    assert!(vault.remember_device(id, Some(&device)).unwrap().is_none());
    // Someone else's guesses put the account in its delay.
    for _ in 0..6 {
        attempt(&mut vault, "ana", "a guess", &t);
    }
    assert!(matches!(
        attempt(&mut vault, "ana", PASSWORD, &t),
        LoginOutcome::Throttled { .. }
    ));
    // The owner's browser is not kept out; the others still are.
    assert!(matches!(
        from_device(&mut vault, "ana", PASSWORD, &t, Some(&device)),
        LoginOutcome::Success(_)
    ));
    // The device of another account, or an unknown one, counts for nothing.
    let (_, bob_id) = account(&mut vault, "bob");
    let bobs = vault.remember_device(bob_id, None).unwrap().unwrap();
    for _ in 0..6 {
        attempt(&mut vault, "ana", "a guess", &t);
    }
    for stranger in [bobs.as_str(), "not a device"] {
        assert!(matches!(
            from_device(&mut vault, "ana", PASSWORD, &t, Some(stranger)),
            LoginOutcome::Throttled { .. }
        ));
    }
    // A known device has its own free failures, then is forgotten.
    for _ in 0..t.free {
        assert_eq!(
            from_device(&mut vault, "ana", "a guess", &t, Some(&device)),
            LoginOutcome::BadCredentials
        );
    }
    assert!(matches!(
        from_device(&mut vault, "ana", PASSWORD, &t, Some(&device)),
        LoginOutcome::Throttled { .. }
    ));
    assert!(vault.remember_device(id, Some(&device)).unwrap().is_some());
    // A new password forgets every device of the account.
    let fresh = vault.remember_device(id, None).unwrap().unwrap();
    vault
        .set_password(
            &ana,
            &Password::new("another good password".into()).unwrap(),
        )
        .unwrap();
    assert!(vault.remember_device(id, Some(&fresh)).unwrap().is_some());
}

#[test]
fn parallel_wrong_codes_are_evaluated_only_up_to_the_free_number_and_each_is_audited() {
    let (_tmp, mut vault) = vault_with_history();
    let (_, id) = account(&mut vault, "ana");
    vault
        .enable_second_factor(id, "JBSWY3DPEHPK3PXP", 100)
        .unwrap();
    let evaluated = AtomicUsize::new(0);
    let outcomes = in_parallel(&vault, 6, 5, |v| {
        v.verify_second_factor(id, &Throttle::SECOND_FACTOR, |secret| {
            assert_eq!(secret, "JBSWY3DPEHPK3PXP");
            evaluated.fetch_add(1, Ordering::SeqCst);
            None
        })
        .unwrap()
    });
    assert_eq!(evaluated.load(Ordering::SeqCst), 5);
    let wrong = outcomes
        .iter()
        .filter(|o| **o == SecondFactorOutcome::Wrong)
        .count();
    assert_eq!(wrong, 5, "{outcomes:?}");
    assert_eq!(audited(&vault, "ana", "second factor failed"), 5);
    // A new password login does not reset the count; the right code
    // waits like any other.
    assert!(matches!(
        attempt(&mut vault, "ana", PASSWORD, &Throttle::LOGIN),
        LoginOutcome::Success(_)
    ));
    let r = vault
        .verify_second_factor(id, &Throttle::SECOND_FACTOR, |_| {
            evaluated.fetch_add(1, Ordering::SeqCst);
            Some(200)
        })
        .unwrap();
    assert!(matches!(r, SecondFactorOutcome::Throttled { .. }), "{r:?}");
    assert_eq!(evaluated.load(Ordering::SeqCst), 5);
    // An administrator's new password lifts it.
    let ana = Username::parse("ana").unwrap();
    vault
        .set_password(
            &ana,
            &Password::new("another good password".into()).unwrap(),
        )
        .unwrap();
    let r = vault
        .verify_second_factor(id, &Throttle::SECOND_FACTOR, |_| Some(200))
        .unwrap();
    assert_eq!(r, SecondFactorOutcome::Accepted);
}

#[test]
fn a_code_works_once_and_a_success_resets_the_count() {
    let (_tmp, mut vault) = vault_with_history();
    let (_, id) = account(&mut vault, "ana");
    let check = |v: &mut Vault, step: Option<u64>| {
        v.verify_second_factor(id, &Throttle::SECOND_FACTOR, move |_| step)
            .unwrap()
    };
    assert_eq!(check(&mut vault, Some(1)), SecondFactorOutcome::NotEnrolled);
    vault
        .enable_second_factor(id, "JBSWY3DPEHPK3PXP", 10)
        .unwrap();
    // The step used to enroll cannot log in.
    assert_eq!(check(&mut vault, Some(10)), SecondFactorOutcome::Wrong);
    for _ in 0..3 {
        assert_eq!(check(&mut vault, None), SecondFactorOutcome::Wrong);
    }
    assert_eq!(check(&mut vault, Some(11)), SecondFactorOutcome::Accepted);
    assert_eq!(check(&mut vault, Some(11)), SecondFactorOutcome::Wrong);
    // Reset by the success: four more wrong codes are still free.
    for _ in 0..3 {
        assert_eq!(check(&mut vault, None), SecondFactorOutcome::Wrong);
    }
    assert_eq!(check(&mut vault, Some(12)), SecondFactorOutcome::Accepted);
    vault.disable_second_factor(id).unwrap();
    assert_eq!(
        check(&mut vault, Some(13)),
        SecondFactorOutcome::NotEnrolled
    );
}

const TIMEOUTS: SessionTimeouts = SessionTimeouts {
    idle: Duration::from_secs(1800),
    absolute: Duration::from_secs(12 * 3600),
};

#[test]
fn sessions_are_kept_by_hash_survive_reopening_and_end_from_any_handle() {
    let (tmp, mut vault) = vault_with_history();
    let (ana, id) = account(&mut vault, "ana");
    let new = vault.create_session(id, false, TIMEOUTS).unwrap();
    let found = vault.session(&new.token, TIMEOUTS.idle).unwrap().unwrap();
    assert_eq!(found.user.id, id);
    assert_eq!(found.csrf.as_str(), new.csrf.as_str());
    assert!(!found.second_factor_pending);
    // Only the hash is stored.
    let stored: Vec<String> = {
        let mut stmt = vault
            .conn()
            .prepare("SELECT token_hash FROM web_sessions")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert_eq!(stored, vec![crate::tokens::token_hash(&new.token)]);
    assert!(
        vault
            .session("not a token", TIMEOUTS.idle)
            .unwrap()
            .is_none()
    );

    // Reopened (a restart): still there.
    drop(vault);
    let passphrase = crate::Passphrase::new("tamper test passphrase".into()).unwrap();
    let mut vault = Vault::open(
        &tmp.path().join("v"),
        crate::Unlock::Passphrase(&passphrase),
        crate::Actor::new("test").unwrap(),
    )
    .unwrap();
    assert!(vault.session(&new.token, TIMEOUTS.idle).unwrap().is_some());

    // A password change on another handle (another process) ends it.
    let mut other = vault.try_clone().unwrap();
    let second = vault.create_session(id, true, TIMEOUTS).unwrap();
    let ended = other
        .set_password(
            &ana,
            &Password::new("another good password".into()).unwrap(),
        )
        .unwrap();
    assert_eq!(ended.sessions, 2);
    assert!(vault.session(&new.token, TIMEOUTS.idle).unwrap().is_none());
    assert!(
        vault
            .session(&second.token, TIMEOUTS.idle)
            .unwrap()
            .is_none()
    );

    // So does disabling the account.
    let third = vault.create_session(id, false, TIMEOUTS).unwrap();
    other.set_disabled(&ana, true).unwrap();
    assert!(
        vault
            .session(&third.token, TIMEOUTS.idle)
            .unwrap()
            .is_none()
    );
    other.set_disabled(&ana, false).unwrap();

    // And locking the vault, and logging out.
    let fourth = vault.create_session(id, false, TIMEOUTS).unwrap();
    let fifth = vault.create_session(id, false, TIMEOUTS).unwrap();
    vault.end_session(&fifth.token).unwrap();
    assert!(
        vault
            .session(&fifth.token, TIMEOUTS.idle)
            .unwrap()
            .is_none()
    );
    other.record_lock().unwrap();
    assert!(
        vault
            .session(&fourth.token, TIMEOUTS.idle)
            .unwrap()
            .is_none()
    );
}

#[test]
fn sessions_time_out_and_keep_an_enrollment_secret() {
    let (_tmp, mut vault) = vault_with_history();
    let (_, id) = account(&mut vault, "ana");
    let idle = vault.create_session(id, false, TIMEOUTS).unwrap();
    std::thread::sleep(Duration::from_millis(5));
    assert!(
        vault
            .session(&idle.token, Duration::ZERO)
            .unwrap()
            .is_none()
    );
    // Ended, not only refused.
    assert!(vault.session(&idle.token, TIMEOUTS.idle).unwrap().is_none());
    let short = SessionTimeouts {
        idle: TIMEOUTS.idle,
        absolute: Duration::ZERO,
    };
    let old = vault.create_session(id, false, short).unwrap();
    assert!(vault.session(&old.token, TIMEOUTS.idle).unwrap().is_none());

    let s = vault.create_session(id, false, TIMEOUTS).unwrap();
    vault
        .set_session_enrollment(&s.token, Some("JBSWY3DPEHPK3PXP"))
        .unwrap();
    let found = vault.session(&s.token, TIMEOUTS.idle).unwrap().unwrap();
    assert_eq!(
        found.enrolling_secret.as_deref().map(String::as_str),
        Some("JBSWY3DPEHPK3PXP")
    );
    vault.set_session_enrollment(&s.token, None).unwrap();
    let found = vault.session(&s.token, TIMEOUTS.idle).unwrap().unwrap();
    assert!(found.enrolling_secret.is_none());
}

#[test]
fn tokens_expire_can_be_listed_and_revoked_and_a_new_password_revokes_them() {
    let (_tmp, mut vault) = vault_with_history();
    let (ana, _) = account(&mut vault, "ana");
    let (bob, _) = account(&mut vault, "bob");
    let first = vault.create_api_token(&ana, "script").unwrap();
    let second = vault
        .create_api_token_valid_for(&ana, "short", crate::tokens::days(1))
        .unwrap();
    let bobs = vault.create_api_token(&bob, "bob's").unwrap();
    assert!(
        vault
            .create_api_token_valid_for(&ana, "x", Duration::ZERO)
            .is_err()
    );
    assert!(
        vault
            .create_api_token_valid_for(&ana, "x", crate::tokens::days(3651))
            .is_err()
    );
    assert_eq!(
        vault.user_for_api_token(&first).unwrap().unwrap().username,
        ana
    );
    let listed = vault.api_tokens(Some(&ana)).unwrap();
    assert_eq!(listed.len(), 2);
    let now = crate::now();
    assert!(listed.iter().all(|t| t.status(&now) == TokenStatus::Active));
    let first_id = listed.iter().find(|t| t.label == "script").unwrap().id;
    assert!(
        listed
            .iter()
            .find(|t| t.id == first_id)
            .unwrap()
            .last_used
            .is_some()
    );
    let text = serde_json::to_string(&listed).unwrap();
    assert!(!text.contains("tmo_") && !text.contains(&crate::tokens::token_hash(&first)));
    assert_eq!(vault.api_tokens(None).unwrap().len(), 3);

    // Expired: refused.
    vault
        .conn()
        .execute(
            "UPDATE api_tokens SET expires_at = '2001-01-01T00:00:00.000Z' WHERE label = 'short'",
            [],
        )
        .unwrap();
    assert!(vault.user_for_api_token(&second).unwrap().is_none());
    let short = vault.api_tokens(Some(&ana)).unwrap();
    assert_eq!(
        short
            .iter()
            .find(|t| t.label == "short")
            .unwrap()
            .status(&now),
        TokenStatus::Expired
    );

    // Revoked: refused; another account's token cannot be revoked by id.
    let bob_id = vault.api_tokens(Some(&bob)).unwrap()[0].id;
    assert!(matches!(
        vault.revoke_api_token(&ana, bob_id),
        Err(VaultError::NotFound { .. })
    ));
    vault.revoke_api_token(&ana, first_id).unwrap();
    vault.revoke_api_token(&ana, first_id).unwrap();
    assert!(vault.user_for_api_token(&first).unwrap().is_none());
    assert!(vault.user_for_api_token(&bobs).unwrap().is_some());
    let revocations = vault
        .audit_tail(1000)
        .unwrap()
        .iter()
        .filter(|e| e.detail == format!("api token {first_id} revoked"))
        .count();
    assert_eq!(revocations, 1);

    // A new password revokes every live token of the account.
    let ended = vault
        .set_password(
            &bob,
            &Password::new("another good password".into()).unwrap(),
        )
        .unwrap();
    assert_eq!(ended.tokens, 1);
    assert!(vault.user_for_api_token(&bobs).unwrap().is_none());
    assert_eq!(
        vault.api_tokens(Some(&bob)).unwrap()[0].status(&crate::now()),
        TokenStatus::Revoked
    );
}

#[test]
fn migration_7_gives_existing_tokens_an_expiry_90_days_after_their_creation() {
    let tmp = tempfile::tempdir().unwrap();
    let key = crate::Key32::from_bytes([3; 32]);
    let conn = crate::db::open_encrypted(&tmp.path().join("db"), &key, true).unwrap();
    for m in &crate::db::MIGRATIONS[..6] {
        conn.execute_batch(m.sql).unwrap();
    }
    conn.execute_batch(
        "INSERT INTO users (username, role, password_hash, created_at, updated_at)
             VALUES ('ana', 'viewer', 'x', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
         INSERT INTO api_tokens (user_id, token_hash, label, created_at)
             VALUES (1, 'h', 'old', '2024-03-01T10:20:30.456Z');",
    )
    .unwrap();
    let seventh = crate::db::MIGRATIONS
        .iter()
        .find(|m| m.version == 7)
        .unwrap();
    conn.execute_batch(seventh.sql).unwrap();
    let expires: String = conn
        .query_row("SELECT expires_at FROM api_tokens", [], |r| r.get(0))
        .unwrap();
    assert_eq!(expires, "2024-05-30T10:20:30.456Z");
}
