"""The organisation's directory (Microsoft Entra ID), read through Microsoft Graph."""
