//! Extensions with their own commands and data: QUOTA (RFC 9208), ACL (RFC 4314), METADATA
//! (RFC 5464), NOTIFY (RFC 5465), URLAUTH (RFC 4467) and COMPARATOR (I18NLEVEL=2, RFC 5255). Each has a command enum and a data enum that [`CommandBody`] and [`Data`] carry.
//!
//! [`CommandBody`]: crate::command::CommandBody
//! [`Data`]: crate::response::Data

mod acl;
mod metadata;
mod notify;
mod quota;
mod urlauth;

pub use acl::{AclCommand, AclData};
pub use metadata::{Depth, MetadataCommand, MetadataData};
pub use notify::{EventGroup, MailboxFilter, NotifyCommand, NotifyEvent};
pub use quota::{QuotaCommand, QuotaData, QuotaResource};
pub use urlauth::{UrlAuthCommand, UrlAuthData};

pub(crate) use acl::{acl_command, acl_data, encode_acl_command, encode_acl_data};
pub(crate) use metadata::{
    encode_metadata_command, encode_metadata_data, metadata_command, metadata_data,
};
pub(crate) use notify::{encode_notify_command, notify_command};
pub(crate) use quota::{encode_quota_command, encode_quota_data, quota_command, quota_data};
pub(crate) use urlauth::{
    encode_urlauth_command, encode_urlauth_data, urlauth_command, urlauth_data,
};
