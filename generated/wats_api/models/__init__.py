"""Contains all the data models used in inputs/outputs"""

from .analytics_filter import AnalyticsFilter
from .asset import Asset
from .asset_list_item import AssetListItem
from .asset_log_entry import AssetLogEntry
from .asset_log_list_item import AssetLogListItem
from .asset_message import AssetMessage
from .asset_type import AssetType
from .asset_type_list_item import AssetTypeListItem
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
from .serial_number_file_upload import SerialNumberFileUpload
from .serial_number_type import SerialNumberType
from .software_package import SoftwarePackage
from .software_package_file import SoftwarePackageFile
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

__all__ = (
    "AnalyticsFilter",
    "Asset",
    "AssetListItem",
    "AssetLogEntry",
    "AssetLogListItem",
    "AssetMessage",
    "AssetType",
    "AssetTypeListItem",
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
    "SerialNumberFileUpload",
    "SerialNumberType",
    "SoftwarePackage",
    "SoftwarePackageFile",
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
