"""The data models used in requests and responses, each loaded on first use.

Importing one endpoint module must not build all of the package's model classes: a CLI call
that needs one model would otherwise pay for every one of them at start-up.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .analytics_filter import AnalyticsFilter
    from .asset import Asset
    from .asset_list_item import AssetListItem
    from .asset_log_entry import AssetLogEntry
    from .asset_log_list_item import AssetLogListItem
    from .asset_message import AssetMessage
    from .asset_type import AssetType
    from .asset_type_list_item import AssetTypeListItem
    from .barcode_identifier import BarcodeIdentifier
    from .client_update import ClientUpdate
    from .common_user_settings import CommonUserSettings
    from .insert_report_result import InsertReportResult
    from .package_zip_upload import PackageZipUpload
    from .product import Product
    from .product_list_item import ProductListItem
    from .product_revision import ProductRevision
    from .production_batch import ProductionBatch
    from .report_header import ReportHeader
    from .report_header_asset import ReportHeaderAsset
    from .report_header_attachment import ReportHeaderAttachment
    from .report_header_misc_info import ReportHeaderMiscInfo
    from .report_header_sub_unit import ReportHeaderSubUnit
    from .report_header_uur_attachment import ReportHeaderUurAttachment
    from .report_header_uur_misc_info import ReportHeaderUurMiscInfo
    from .report_header_uur_sub_unit import ReportHeaderUurSubUnit
    from .scim_email import ScimEmail
    from .scim_list_response import ScimListResponse
    from .scim_meta import ScimMeta
    from .scim_name import ScimName
    from .scim_patch_op import ScimPatchOp
    from .scim_patch_operation import ScimPatchOperation
    from .scim_role import ScimRole
    from .scim_user import ScimUser
    from .serial_number_file_upload import SerialNumberFileUpload
    from .serial_number_type import SerialNumberType
    from .software_package import SoftwarePackage
    from .software_package_file import SoftwarePackageFile
    from .system_get_status_response_200 import SystemGetStatusResponse200
    from .tag import Tag
    from .ticket import Ticket
    from .ticket_attachment import TicketAttachment
    from .ticket_attachment_upload import TicketAttachmentUpload
    from .ticket_update import TicketUpdate
    from .unit import Unit
    from .unit_change import UnitChange
    from .unit_verification_grade import UnitVerificationGrade
    from .unit_verification_result import UnitVerificationResult
    from .uut_misc_data import UutMiscData
    from .uut_misc_info_match import UutMiscInfoMatch
    from .vendor import Vendor
    from .virtual_folder import VirtualFolder
    from .wsjf_additional_data import WsjfAdditionalData
    from .wsjf_additional_data_array import WsjfAdditionalDataArray
    from .wsjf_additional_data_array_index import WsjfAdditionalDataArrayIndex
    from .wsjf_additional_data_property import WsjfAdditionalDataProperty
    from .wsjf_asset import WsjfAsset
    from .wsjf_asset_stats import WsjfAssetStats
    from .wsjf_attachment import WsjfAttachment
    from .wsjf_binary_data import WsjfBinaryData
    from .wsjf_boolean_measurement import WsjfBooleanMeasurement
    from .wsjf_call_exe import WsjfCallExe
    from .wsjf_chart import WsjfChart
    from .wsjf_chart_series import WsjfChartSeries
    from .wsjf_failure import WsjfFailure
    from .wsjf_loop_info import WsjfLoopInfo
    from .wsjf_message_popup import WsjfMessagePopup
    from .wsjf_misc_info import WsjfMiscInfo
    from .wsjf_numeric_measurement import WsjfNumericMeasurement
    from .wsjf_referenced_by_uur import WsjfReferencedByUur
    from .wsjf_report import WsjfReport
    from .wsjf_sequence_call import WsjfSequenceCall
    from .wsjf_step import WsjfStep
    from .wsjf_string_measurement import WsjfStringMeasurement
    from .wsjf_sub_unit import WsjfSubUnit
    from .wsjf_uur import WsjfUur
    from .wsjf_uut import WsjfUut

_MODULES = {
    "AnalyticsFilter": ".analytics_filter",
    "Asset": ".asset",
    "AssetListItem": ".asset_list_item",
    "AssetLogEntry": ".asset_log_entry",
    "AssetLogListItem": ".asset_log_list_item",
    "AssetMessage": ".asset_message",
    "AssetType": ".asset_type",
    "AssetTypeListItem": ".asset_type_list_item",
    "BarcodeIdentifier": ".barcode_identifier",
    "ClientUpdate": ".client_update",
    "CommonUserSettings": ".common_user_settings",
    "InsertReportResult": ".insert_report_result",
    "PackageZipUpload": ".package_zip_upload",
    "Product": ".product",
    "ProductListItem": ".product_list_item",
    "ProductRevision": ".product_revision",
    "ProductionBatch": ".production_batch",
    "ReportHeader": ".report_header",
    "ReportHeaderAsset": ".report_header_asset",
    "ReportHeaderAttachment": ".report_header_attachment",
    "ReportHeaderMiscInfo": ".report_header_misc_info",
    "ReportHeaderSubUnit": ".report_header_sub_unit",
    "ReportHeaderUurAttachment": ".report_header_uur_attachment",
    "ReportHeaderUurMiscInfo": ".report_header_uur_misc_info",
    "ReportHeaderUurSubUnit": ".report_header_uur_sub_unit",
    "ScimEmail": ".scim_email",
    "ScimListResponse": ".scim_list_response",
    "ScimMeta": ".scim_meta",
    "ScimName": ".scim_name",
    "ScimPatchOp": ".scim_patch_op",
    "ScimPatchOperation": ".scim_patch_operation",
    "ScimRole": ".scim_role",
    "ScimUser": ".scim_user",
    "SerialNumberFileUpload": ".serial_number_file_upload",
    "SerialNumberType": ".serial_number_type",
    "SoftwarePackage": ".software_package",
    "SoftwarePackageFile": ".software_package_file",
    "SystemGetStatusResponse200": ".system_get_status_response_200",
    "Tag": ".tag",
    "Ticket": ".ticket",
    "TicketAttachment": ".ticket_attachment",
    "TicketAttachmentUpload": ".ticket_attachment_upload",
    "TicketUpdate": ".ticket_update",
    "Unit": ".unit",
    "UnitChange": ".unit_change",
    "UnitVerificationGrade": ".unit_verification_grade",
    "UnitVerificationResult": ".unit_verification_result",
    "UutMiscData": ".uut_misc_data",
    "UutMiscInfoMatch": ".uut_misc_info_match",
    "Vendor": ".vendor",
    "VirtualFolder": ".virtual_folder",
    "WsjfAdditionalData": ".wsjf_additional_data",
    "WsjfAdditionalDataArray": ".wsjf_additional_data_array",
    "WsjfAdditionalDataArrayIndex": ".wsjf_additional_data_array_index",
    "WsjfAdditionalDataProperty": ".wsjf_additional_data_property",
    "WsjfAsset": ".wsjf_asset",
    "WsjfAssetStats": ".wsjf_asset_stats",
    "WsjfAttachment": ".wsjf_attachment",
    "WsjfBinaryData": ".wsjf_binary_data",
    "WsjfBooleanMeasurement": ".wsjf_boolean_measurement",
    "WsjfCallExe": ".wsjf_call_exe",
    "WsjfChart": ".wsjf_chart",
    "WsjfChartSeries": ".wsjf_chart_series",
    "WsjfFailure": ".wsjf_failure",
    "WsjfLoopInfo": ".wsjf_loop_info",
    "WsjfMessagePopup": ".wsjf_message_popup",
    "WsjfMiscInfo": ".wsjf_misc_info",
    "WsjfNumericMeasurement": ".wsjf_numeric_measurement",
    "WsjfReferencedByUur": ".wsjf_referenced_by_uur",
    "WsjfReport": ".wsjf_report",
    "WsjfSequenceCall": ".wsjf_sequence_call",
    "WsjfStep": ".wsjf_step",
    "WsjfStringMeasurement": ".wsjf_string_measurement",
    "WsjfSubUnit": ".wsjf_sub_unit",
    "WsjfUur": ".wsjf_uur",
    "WsjfUut": ".wsjf_uut",
}

__all__ = (
    "AnalyticsFilter",
    "Asset",
    "AssetListItem",
    "AssetLogEntry",
    "AssetLogListItem",
    "AssetMessage",
    "AssetType",
    "AssetTypeListItem",
    "BarcodeIdentifier",
    "ClientUpdate",
    "CommonUserSettings",
    "InsertReportResult",
    "PackageZipUpload",
    "Product",
    "ProductListItem",
    "ProductRevision",
    "ProductionBatch",
    "ReportHeader",
    "ReportHeaderAsset",
    "ReportHeaderAttachment",
    "ReportHeaderMiscInfo",
    "ReportHeaderSubUnit",
    "ReportHeaderUurAttachment",
    "ReportHeaderUurMiscInfo",
    "ReportHeaderUurSubUnit",
    "ScimEmail",
    "ScimListResponse",
    "ScimMeta",
    "ScimName",
    "ScimPatchOp",
    "ScimPatchOperation",
    "ScimRole",
    "ScimUser",
    "SerialNumberFileUpload",
    "SerialNumberType",
    "SoftwarePackage",
    "SoftwarePackageFile",
    "SystemGetStatusResponse200",
    "Tag",
    "Ticket",
    "TicketAttachment",
    "TicketAttachmentUpload",
    "TicketUpdate",
    "Unit",
    "UnitChange",
    "UnitVerificationGrade",
    "UnitVerificationResult",
    "UutMiscData",
    "UutMiscInfoMatch",
    "Vendor",
    "VirtualFolder",
    "WsjfAdditionalData",
    "WsjfAdditionalDataArray",
    "WsjfAdditionalDataArrayIndex",
    "WsjfAdditionalDataProperty",
    "WsjfAsset",
    "WsjfAssetStats",
    "WsjfAttachment",
    "WsjfBinaryData",
    "WsjfBooleanMeasurement",
    "WsjfCallExe",
    "WsjfChart",
    "WsjfChartSeries",
    "WsjfFailure",
    "WsjfLoopInfo",
    "WsjfMessagePopup",
    "WsjfMiscInfo",
    "WsjfNumericMeasurement",
    "WsjfReferencedByUur",
    "WsjfReport",
    "WsjfSequenceCall",
    "WsjfStep",
    "WsjfStringMeasurement",
    "WsjfSubUnit",
    "WsjfUur",
    "WsjfUut",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
