use super::{Counted, Msg, Plural};

pub fn text(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Cairn",
        Msg::MainNavigation => "主导航",
        Msg::NavContacts => "联系人",
        Msg::NavTasks => "任务",
        Msg::NavSettings => "设置",
        Msg::NavSearch => "搜索",
        Msg::ObjCompanies => "公司",
        Msg::ObjDeals => "交易",
        Msg::ObjTickets => "工单",
        Msg::CreateContact => "创建联系人",
        Msg::NewContact => "新联系人",
        Msg::FirstName => "名",
        Msg::LastName => "姓",
        Msg::Email => "电子邮件",
        Msg::Save => "保存",
        Msg::Saving => "正在保存…",
        Msg::Saved => "已保存",
        Msg::Loading => "正在加载您的数据…",
        Msg::NoContactsYet => "还没有联系人。请用表单创建第一个联系人。",
        Msg::StorageUnavailable => "此浏览器不会保存您的数据：存储不可用（隐私模式或已被阻止）。Cairn 可以使用，但关闭标签页后所有内容都会丢失。",
        Msg::StorageDamaged => "无法读取已保存的数据。未做任何更改；Cairn 将在没有这些数据的情况下运行。",
        Msg::SaveFailed => "无法保存，更改已撤销：",
        Msg::NotFound => "找不到页面。",
        Msg::StorageFull => "设备存储空间已满。请释放空间或导出您的数据。",
        Msg::StorageWriteFailed => "浏览器拒绝保存此更改。",
        Msg::NewerVersionOpened => "另一个标签页打开了更新版本的 Cairn。请重新加载此标签页以继续使用。",
        Msg::UpdateAvailable => "Cairn 有新版本可用。",
        Msg::ReloadNow => "重新加载",
        Msg::ErrEmail => "请输入有效的电子邮件地址，例如 name@example.com。",
        Msg::ErrUrl => "请输入以 http:// 或 https:// 开头的网址。",
        Msg::ErrPhone => "请输入电话号码，可使用数字、空格、+、- 和括号。",
        Msg::ErrNumber => "请输入数字。",
        Msg::ErrBelowMin => "该数字低于最小值。",
        Msg::ErrAboveMax => "该数字高于最大值。",
        Msg::ErrDate => "请输入日期。",
        Msg::ErrDateTime => "请输入日期和时间。",
        Msg::ErrUnknownOption => "请从选项中选择一项。",
        Msg::ErrCheckbox => "请选择是或否。",
        Msg::ErrReadOnly => "此属性不可编辑。",
        Msg::ErrRequired => "此字段为必填项。",
        Msg::ErrDuplicate => "已有其他记录使用此值。",
        Msg::ErrUnknownProperty => "此属性不存在。",
    }
}

pub fn counted(msg: Counted, _n: Plural) -> &'static str {
    match msg {
        Counted::Contacts => "{n} 个联系人",
    }
}
