

# --- Added to the jsii-generated binding by scripts/binding-shims.py (cdk-mfa-user-pool) --------
# jsii's Python runtime cannot pass a Python object that is not a jsii type to JavaScript: a
# caught exception raises "AttributeError: type object 'RuntimeError' has no attribute
# '__jsii_type__'" before the call. A refusal reaches Python as an exception carrying its message,
# so MfaErrors.is_configuration_error passes an exception on as { "message": str(e) }, which the
# library judges like is_configuration_error_message, and anything else jsii cannot pass as None.
def _cdk_mfa_user_pool_passable(x: typing.Any) -> typing.Any:
    if isinstance(x, BaseException):
        return {"message": str(x)}
    if isinstance(x, (type(None), bool, int, float, str)) or getattr(type(x), "__jsii_type__", None) is not None:
        return x
    if isinstance(x, (list, tuple)):
        return [_cdk_mfa_user_pool_passable(i) for i in x]
    if isinstance(x, dict):
        return {str(k): _cdk_mfa_user_pool_passable(v) for k, v in x.items()}
    return None


def _cdk_mfa_user_pool_install() -> None:
    generated = MfaErrors.__dict__["is_configuration_error"].__func__

    @functools.wraps(generated)
    def is_configuration_error(cls: typing.Any, x: typing.Any = None) -> builtins.bool:
        return generated(cls, _cdk_mfa_user_pool_passable(x))

    MfaErrors.is_configuration_error = builtins.classmethod(is_configuration_error)  # type: ignore[method-assign]


import functools  # noqa: E402

_cdk_mfa_user_pool_install()
