//! Waiters added, removed or changed: the types of the `waiters` module, judged as API.

use super::verdict::{Change, compatible, major, minor, patch};
use awsjson_codegen::ir::Service;
use awsjson_codegen::ir::waiters::{Acceptor, Waiter};
use std::collections::{BTreeMap, BTreeSet};

/// No waiter touches a message: every change is compatible on the wire.
fn wire() -> super::verdict::Judgement<super::verdict::Verdict> {
    compatible("a waiter changes no request or response")
}

pub fn waiters(old: &Service, new: &Service, changes: &mut Vec<Change>) {
    let by_name = |service: &Service| -> BTreeMap<String, usize> {
        (service.waiters.iter().enumerate()).map(|(i, waiter)| (waiter.name.clone(), i)).collect()
    };
    let (old_waiters, new_waiters) = (by_name(old), by_name(new));
    let names: BTreeSet<&String> = old_waiters.keys().chain(new_waiters.keys()).collect();
    for name in names {
        let item = format!("waiter {name}");
        match (old_waiters.get(name), new_waiters.get(name)) {
            (None, Some(_)) => changes.push(Change::new(
                &item,
                "added",
                minor("a new item: `waiters::".to_owned() + name + "`"),
                wire(),
            )),
            (Some(_), None) => changes.push(Change::new(
                &item,
                "removed",
                major(format!("code naming `waiters::{name}` stops compiling")),
                wire(),
            )),
            (Some(&o), Some(&n)) => {
                changed(&item, (old, &old.waiters[o]), (new, &new.waiters[n]), changes);
            }
            (None, None) => {}
        }
    }
}

fn changed(
    item: &str,
    (old_service, old): (&Service, &Waiter),
    (new_service, new): (&Service, &Waiter),
    changes: &mut Vec<Change>,
) {
    let (old_operation, new_operation) = (
        &old_service.operations[old.operation].wire_name,
        &new_service.operations[new.operation].wire_name,
    );
    if old_operation != new_operation {
        changes.push(Change::new(
            item,
            format!("polls `{new_operation}` (was `{old_operation}`)"),
            major("`Waiter::Operation` changes: code that polls with the old operation's types stops compiling"),
            wire(),
        ));
    }
    let same_api = || patch("the API is the same; a constant of the waiter holds the new value");
    if old.delay != new.delay {
        let change = format!("delay {} s (was {} s)", new.delay, old.delay);
        changes.push(Change::new(item, change, same_api(), wire()));
    }
    if old.max_attempts != new.max_attempts {
        let change = format!("max attempts {} (was {})", new.max_attempts, old.max_attempts);
        changes.push(Change::new(item, change, same_api(), wire()));
    }
    let text = |acceptor: &Acceptor| {
        let state = match acceptor.state {
            awsjson_codegen::model::AcceptorState::Success => "success",
            awsjson_codegen::model::AcceptorState::Failure => "failure",
            awsjson_codegen::model::AcceptorState::Retry => "retry",
        };
        format!("{state} when {}", acceptor.text(|text| format!("`{text}`")))
    };
    let (old_texts, new_texts): (Vec<String>, Vec<String>) =
        (old.acceptors.iter().map(text).collect(), new.acceptors.iter().map(text).collect());
    for index in 0..old_texts.len().max(new_texts.len()) {
        let change = match (old_texts.get(index), new_texts.get(index)) {
            (Some(old), Some(new)) if old == new => continue,
            (Some(old), Some(new)) => format!("acceptor {index}: {new} (was: {old})"),
            (None, Some(new)) => format!("acceptor {index} added: {new}"),
            (Some(old), None) => format!("acceptor {index} removed (was: {old})"),
            (None, None) => continue,
        };
        let code = patch(
            "no type changes, but the waiter waits for other answers: a change of behaviour, to \
             read before upgrading",
        );
        changes.push(Change::new(item, change, code, wire()));
    }
}
