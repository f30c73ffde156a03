//! A service's endpoint rule set, carried by its generated code, and what a caller chooses
//! about endpoints: the region, FIPS, dual stack, a custom URL, any other parameter.

use super::endpoint::{Endpoint, EndpointError};
use super::endpoints::{ParamValue, Params, Partitions, RuleSet, RuleSetError};
use ::std::fmt;
use ::std::sync::{Arc, OnceLock};

/// A service's endpoint rule set as generated code carries it: its JSON, read (and checked
/// again) the first time an endpoint is resolved. The generator checked it at build time.
#[derive(Clone, Copy)]
pub struct EndpointRules {
    json: &'static str,
    cell: fn() -> &'static RuleSetCell,
}

/// Where a service's rule set is kept once read; generated code declares one `static` of it.
pub struct RuleSetCell(OnceLock<Result<RuleSet, RuleSetError>>);

impl RuleSetCell {
    /// Not read yet.
    pub const fn new() -> Self {
        RuleSetCell(OnceLock::new())
    }
}

impl Default for RuleSetCell {
    fn default() -> Self {
        Self::new()
    }
}

impl EndpointRules {
    /// The rule set `json`, read into `cell` when first used. Generated code:
    /// `EndpointRules::new(JSON, || { static CELL: RuleSetCell = RuleSetCell::new(); &CELL })`.
    pub const fn new(json: &'static str, cell: fn() -> &'static RuleSetCell) -> Self {
        EndpointRules { json, cell }
    }

    /// The rule set's JSON text.
    pub fn json(&self) -> &'static str {
        self.json
    }

    /// The rule set, read once.
    pub fn rule_set(&self) -> Result<&'static RuleSet, EndpointError> {
        let read = (self.cell)().0.get_or_init(|| RuleSet::from_json(self.json));
        read.as_ref().map_err(|error| EndpointError::new(error.to_string()))
    }
}

impl PartialEq for EndpointRules {
    fn eq(&self, other: &Self) -> bool {
        self.json == other.json
    }
}

impl Eq for EndpointRules {}

impl ::std::hash::Hash for EndpointRules {
    fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
        self.json.hash(state);
    }
}

impl fmt::Debug for EndpointRules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EndpointRules({} bytes of JSON)", self.json.len())
    }
}

/// What a caller chooses about endpoints, for any service: the SDK settings rule sets read
/// (`AWS::Region`, `AWS::UseFIPS`, `AWS::UseDualStack`, `SDK::Endpoint`, the account id), any
/// other parameter by name, and the partition table.
///
/// ```
/// use awsjson_runtime::EndpointConfig;
///
/// let fips = EndpointConfig::new("us-gov-west-1").fips(true);
/// let dual_stack = EndpointConfig::new("us-east-1").dual_stack(true);
/// let local = EndpointConfig::new("us-east-1").url("http://localhost:4566");
/// # let _ = (fips, dual_stack, local);
/// ```
#[derive(Debug, Clone, Default)]
pub struct EndpointConfig {
    built_ins: Vec<(&'static str, ParamValue)>,
    params: Params,
    partitions: Option<Arc<Partitions>>,
}

impl EndpointConfig {
    /// Built-in names, as rule sets declare them.
    pub const REGION: &'static str = "AWS::Region";
    pub const USE_FIPS: &'static str = "AWS::UseFIPS";
    pub const USE_DUAL_STACK: &'static str = "AWS::UseDualStack";
    pub const ENDPOINT: &'static str = "SDK::Endpoint";
    pub const ACCOUNT_ID: &'static str = "AWS::Auth::AccountId";
    pub const ACCOUNT_ID_ENDPOINT_MODE: &'static str = "AWS::Auth::AccountIdEndpointMode";

    /// Endpoints in `region`.
    pub fn new(region: impl Into<String>) -> Self {
        EndpointConfig::default().built_in(Self::REGION, region.into())
    }

    /// FIPS endpoints (`AWS::UseFIPS`).
    pub fn fips(self, fips: bool) -> Self {
        self.built_in(Self::USE_FIPS, fips)
    }

    /// Dual-stack (IPv4 and IPv6) endpoints (`AWS::UseDualStack`).
    pub fn dual_stack(self, dual_stack: bool) -> Self {
        self.built_in(Self::USE_DUAL_STACK, dual_stack)
    }

    /// A custom endpoint URL (`SDK::Endpoint`): a local server, a VPC endpoint, a proxy. The
    /// rule set decides what it allows with it (no FIPS, no dual stack, as a rule).
    pub fn url(self, url: impl Into<String>) -> Self {
        self.built_in(Self::ENDPOINT, url.into())
    }

    /// The account id of the credentials (`AWS::Auth::AccountId`), for account-based
    /// endpoints (DynamoDB's).
    pub fn account_id(self, account_id: impl Into<String>) -> Self {
        self.built_in(Self::ACCOUNT_ID, account_id.into())
    }

    /// `preferred`, `required` or `disabled` (`AWS::Auth::AccountIdEndpointMode`).
    pub fn account_id_endpoint_mode(self, mode: impl Into<String>) -> Self {
        self.built_in(Self::ACCOUNT_ID_ENDPOINT_MODE, mode.into())
    }

    /// Any built-in by its name, for the parameters of every rule set that declares it.
    pub fn built_in(mut self, name: &'static str, value: impl Into<ParamValue>) -> Self {
        let value = value.into();
        match self.built_ins.iter_mut().find(|(given, _)| *given == name) {
            Some((_, old)) => *old = value,
            None => self.built_ins.push((name, value)),
        }
        self
    }

    /// A parameter of the service's rule set by its name (a generated `EndpointParams` names
    /// them all with their types); wins over the built-ins.
    pub fn param(mut self, name: impl Into<String>, value: impl Into<ParamValue>) -> Self {
        self.params.set(name, value);
        self
    }

    /// `aws.partition` reads `partitions` (a newer table than this release carries, say)
    /// instead of [`Partitions::aws`].
    pub fn partitions(mut self, partitions: Arc<Partitions>) -> Self {
        self.partitions = Some(partitions);
        self
    }

    /// The region given, if any.
    pub fn region(&self) -> Option<&str> {
        self.built_in_value(Self::REGION).and_then(|value| match value {
            ParamValue::String(region) => Some(region.as_str()),
            _ => None,
        })
    }

    fn built_in_value(&self, name: &str) -> Option<&ParamValue> {
        self.built_ins.iter().find(|(given, _)| *given == name).map(|(_, value)| value)
    }

    fn flag(&self, name: &str) -> bool {
        matches!(self.built_in_value(name), Some(ParamValue::Boolean(true)))
    }

    /// Resolves with `rules`: the built-ins for the parameters that declare them, then the
    /// parameters given by name, then `context` (what the operation's input binds, which wins
    /// as Smithy says).
    pub(crate) fn resolve(
        &self,
        rules: &RuleSet,
        context: &Params,
    ) -> Result<Endpoint, EndpointError> {
        if let Some(region) = self.region() {
            check_region(region)?;
        }
        let mut params = Params::new();
        for parameter in rules.parameters() {
            let given = parameter.built_in().and_then(|built_in| self.built_in_value(built_in));
            if let Some(value) = given {
                params.set(parameter.name(), value.clone());
            }
        }
        for (name, value) in self.params.iter().chain(context.iter()) {
            params.set(name, value.clone());
        }
        let partitions = self.partitions.as_deref().unwrap_or_else(|| Partitions::aws());
        let resolved = rules
            .resolve_in(&params, partitions)
            .map_err(|error| EndpointError::new(error.to_string()))?;
        Endpoint::from_resolved(&resolved)
    }

    /// Without a rule set: the custom URL, else the standard endpoint of `prefix` in the
    /// region; FIPS and dual stack need the rule set.
    pub(crate) fn fallback(
        &self,
        prefix: Option<&str>,
        service: &str,
    ) -> Result<Endpoint, EndpointError> {
        if let Some(ParamValue::String(url)) = self.built_in_value(Self::ENDPOINT) {
            return Endpoint::parse(url);
        }
        if self.flag(Self::USE_FIPS) || self.flag(Self::USE_DUAL_STACK) {
            return Err(EndpointError::new(format!(
                "`{service}` was generated without its endpoint rule set, which FIPS and \
                 dual-stack endpoints need: generate it with `Builder::endpoint_rules`"
            )));
        }
        let region = self.region().ok_or_else(|| EndpointError::new("no region was given"))?;
        check_region(region)?;
        let prefix = prefix.ok_or_else(|| {
            EndpointError::new(format!(
                "the model of `{service}` gives no endpoint prefix: pass the endpoint URL"
            ))
        })?;
        Endpoint::standard(prefix, region)
    }
}

/// A region is a host label, as botocore requires of a client's region: it goes into host
/// names, where anything else (`us-east-1.evil.com`, `us-east-1/#`) would send requests
/// elsewhere.
fn check_region(region: &str) -> Result<(), EndpointError> {
    let bytes = region.as_bytes();
    let edge = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let valid = (1..=63).contains(&bytes.len())
        && edge(bytes.first())
        && edge(bytes.last())
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-');
    if valid {
        Ok(())
    } else {
        Err(EndpointError::new(format!(
            "`{region}` is not a region name: letters, digits and hyphens, like `us-east-1`"
        )))
    }
}
